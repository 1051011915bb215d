import type { ColumnMapping } from '@lattice/engine/import';
import { ApiError, type ApiErrorBody, api, loadSession } from '../lib/api';
import { getLocale } from '../lib/i18n';

/** The sheet inspection the server returns (headers, sample rows, suggested mapping). */
export interface Inspection {
  sheets: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  sample: string[][];
  suggested: ColumnMapping[];
  totalRows: number | null;
}

export interface ImportErrorRow {
  row: number;
  column: string | null;
  field: string | null;
  value: string;
  reason: { zh: string; en: string };
}

export interface PreviewRow {
  row: number;
  cells: string[];
  action: 'insert' | 'update' | 'unchanged' | 'blank' | 'error';
  errors: ImportErrorRow[];
}

export interface ImportStatus {
  id: string;
  status: 'draft' | 'queued' | 'running' | 'done' | 'failed';
  fileName: string;
  totalRows: number | null;
  rowsDone: number;
  counts: { inserted: number; updated: number; skipped: number; failed: number };
  message: { zh: string; en: string } | null;
  progress: {
    rowsDone: number;
    totalRows: number | null;
    rowsPerSecond: number;
    etaSeconds: number | null;
    inserted: number;
    updated: number;
    skipped: number;
    failed: number;
  } | null;
}

export interface RunSettings {
  sheet: string;
  headerRow: number;
  mapping: ColumnMapping[];
  mode: 'insert' | 'upsert';
  key: string[];
  onError: 'skip' | 'abort';
  perRowTriggers: boolean;
}

const base = (appId: string) => `/api/apps/${encodeURIComponent(appId)}`;

async function authed(path: string, init: RequestInit): Promise<Response> {
  const token = loadSession()?.accessToken;
  const res = await fetch(path, {
    ...init,
    headers: { 'Accept-Language': getLocale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) {
    try {
      const body = (await res.json()) as ApiErrorBody;
      throw new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText, []);
    }
  }
  return res;
}

/** Uploads a file for `entity` (multipart: the entity field first, then the file). */
export async function uploadImport(
  appId: string,
  entity: string,
  file: File,
): Promise<{ import: ImportStatus; inspection: Inspection }> {
  // A cheap authenticated call first, so an expired access token is refreshed before the upload.
  await api('GET', `${base(appId)}/imports`);
  const form = new FormData();
  form.append('entity', entity);
  form.append('file', file, file.name);
  const res = await authed(`${base(appId)}/imports`, { method: 'POST', body: form });
  return (await res.json()) as { import: ImportStatus; inspection: Inspection };
}

export const inspectSheet = (appId: string, id: string, sheet: string, headerRow?: number) =>
  api<Inspection>(
    'POST',
    `${base(appId)}/imports/${id}/inspect`,
    headerRow ? { sheet, headerRow } : { sheet },
  );
export const previewImport = (appId: string, id: string, s: RunSettings) =>
  api<{ rows: PreviewRow[] }>('POST', `${base(appId)}/imports/${id}/preview`, s);
export const startImport = (appId: string, id: string, s: RunSettings) =>
  api<ImportStatus>('POST', `${base(appId)}/imports/${id}/start`, s);
export const importStatus = (appId: string, id: string) =>
  api<ImportStatus>('GET', `${base(appId)}/imports/${id}`);
export const savedMappings = (appId: string, entity: string) =>
  api<{ items: { name: string; mapping: ColumnMapping[] }[] }>(
    'GET',
    `${base(appId)}/import-mappings?entity=${encodeURIComponent(entity)}`,
  );
export const saveMapping = (appId: string, entity: string, name: string, mapping: ColumnMapping[]) =>
  api('PUT', `${base(appId)}/import-mappings/${encodeURIComponent(entity)}/${encodeURIComponent(name)}`, {
    mapping,
  });

/** Downloads the error report (.xlsx) through the authenticated API and saves it as a file. */
export async function downloadErrorReport(appId: string, id: string, fileName: string): Promise<void> {
  const res = await authed(`${base(appId)}/imports/${id}/errors.xlsx`, { method: 'GET' });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
