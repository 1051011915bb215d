import { type JsonLogic, LatticeError } from '@lattice/engine';
import type { ListQuery } from '@lattice/engine/storage';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** The raw query string of `GET /records/:entity`. */
export interface RawListQuery {
  filter?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
  q?: string;
}

/**
 * Turns query-string parameters into a storage {@link ListQuery}. `filter` is a JSON JsonLogic expression;
 * `sort` is `-amount,name` (minus = descending) or a JSON array of `{field, dir}`. Field names are checked
 * later against the entity by the record service; here only the syntax is.
 */
export function parseListQuery(raw: RawListQuery): ListQuery {
  const query: ListQuery = { limit: Math.min(raw.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
  if (raw.filter !== undefined && raw.filter !== '')
    query.filter = parseJson(raw.filter, 'filter') as JsonLogic;
  if (raw.sort !== undefined && raw.sort !== '') query.sort = parseSort(raw.sort);
  if (raw.cursor) query.cursor = raw.cursor;
  if (raw.q) query.q = raw.q;
  return query;
}

function parseSort(text: string): NonNullable<ListQuery['sort']> {
  if (text.trim().startsWith('[')) {
    const parsed = parseJson(text, 'sort');
    if (!Array.isArray(parsed)) throw badParam('sort', 'an array of {field, dir}');
    return parsed.map((item, i) => {
      const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      if (typeof o.field !== 'string' || (o.dir !== undefined && o.dir !== 'asc' && o.dir !== 'desc')) {
        throw badParam(`sort.${i}`, '{field: string, dir: "asc" | "desc"}');
      }
      return { field: o.field, dir: o.dir === 'desc' ? 'desc' : 'asc' };
    });
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) =>
      s.startsWith('-') ? { field: s.slice(1), dir: 'desc' as const } : { field: s, dir: 'asc' as const },
    );
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badParam(path, 'valid JSON');
  }
}

function badParam(path: string, expected: string): LatticeError {
  return new LatticeError('LATTICE_ERR_BAD_REQUEST', [
    { path, message: { zh: `参数 ${path} 格式不正确`, en: `${path} must be ${expected}` } },
  ]);
}
