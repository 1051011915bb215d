import type { JsonLogic, SortSpec } from '@lattice/engine';
import { bindUserVars } from '@lattice/engine';
import { api, loadSession } from './api';

/** A record as the records API returns it: field names → values, plus system fields. */
export interface RecordData {
  id: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  owner: string | null;
  [field: string]: unknown;
}

/** One page of `GET /records/:entity`. */
export interface RecordPage {
  items: RecordData[];
  nextCursor: string | null;
}

/** One field change of `GET …/history`. */
export interface HistoryEntry {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  changedBy: string | null;
  changedAt: string;
  source: string;
}

/** A list request: filter (JsonLogic), sort, free-text `q`, page size and the keyset cursor. */
export interface ListParams {
  filter?: JsonLogic | null;
  sort?: SortSpec[];
  q?: string;
  limit?: number;
  cursor?: string | null;
}

const base = (app: string, entity: string) =>
  `/api/apps/${encodeURIComponent(app)}/records/${encodeURIComponent(entity)}`;

/**
 * Binds `{"var": "$user.id"}` (and `.username`, `.region`, `.department`, `.roles`) in a view's filter to
 * the signed-in user ("my open tasks"). Only a convenience: the server applies record scopes regardless.
 */
export function bindCurrentUser(filter: JsonLogic): JsonLogic {
  const user = loadSession()?.user;
  if (!user) return filter;
  return bindUserVars(filter, {
    id: user.id,
    username: user.username,
    region: user.region ?? null,
    department: user.department ?? null,
    departmentsBelow: user.department ? [user.department] : [],
    roles: user.roles,
  }) as JsonLogic;
}

/** The query string of a list request (exported for tests). */
export function listQueryString(p: ListParams): string {
  const qs = new URLSearchParams();
  if (p.filter) qs.set('filter', JSON.stringify(bindCurrentUser(p.filter)));
  if (p.sort && p.sort.length > 0) qs.set('sort', JSON.stringify(p.sort));
  if (p.q?.trim()) qs.set('q', p.q.trim());
  if (p.limit) qs.set('limit', String(p.limit));
  if (p.cursor) qs.set('cursor', p.cursor);
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/** The records REST API of one app. Every call throws `ApiError` with the server's message. */
export const recordsApi = {
  list: (app: string, entity: string, p: ListParams) =>
    api<RecordPage>('GET', base(app, entity) + listQueryString(p)),
  get: (app: string, entity: string, id: string) =>
    api<RecordData>('GET', `${base(app, entity)}/${encodeURIComponent(id)}`),
  create: (app: string, entity: string, values: Record<string, unknown>) =>
    api<RecordData>('POST', base(app, entity), { values }),
  update: (app: string, entity: string, id: string, version: number, values: Record<string, unknown>) =>
    api<RecordData>('PATCH', `${base(app, entity)}/${encodeURIComponent(id)}`, { version, values }),
  remove: (app: string, entity: string, id: string) =>
    api<void>('DELETE', `${base(app, entity)}/${encodeURIComponent(id)}`),
  history: (app: string, entity: string, id: string) =>
    api<HistoryEntry[]>('GET', `${base(app, entity)}/${encodeURIComponent(id)}/history`),
};
