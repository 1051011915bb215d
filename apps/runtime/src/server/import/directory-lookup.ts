import type { DbExecutor, DirectoryLookup, DirectoryMatch } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import { DEPARTMENTS_TABLE } from '../security/migrate-security-schema';

interface Candidates {
  /** Exact keys (ids, codes, usernames): one match each. */
  exact: Map<string, string>;
  /** Names people write, in the order they are tried; a name shared by several entries is ambiguous. */
  names: Map<string, string[]>[];
}

const key = (s: string) => s.trim().toLowerCase();

function add(map: Map<string, string[]>, name: string | null | undefined, id: string) {
  if (!name) return;
  const k = key(name);
  const ids = map.get(k) ?? [];
  if (!ids.includes(id)) ids.push(id);
  map.set(k, ids);
}

function match(
  c: Candidates,
  text: string,
  messages: Messages,
  normalize = (s: string) => s,
): DirectoryMatch {
  const k = key(normalize(text));
  const exact = c.exact.get(k);
  if (exact !== undefined) return { ok: true, id: exact };
  for (const names of c.names) {
    const ids = names.get(k);
    if (ids?.length === 1) return { ok: true, id: ids[0]! };
    if (ids && ids.length > 1) return { ok: false, reason: messages.ambiguous(text) };
  }
  return { ok: false, reason: messages.unknown(text) };
}

interface Messages {
  unknown(text: string): { zh: string; en: string };
  ambiguous(text: string): { zh: string; en: string };
}

const USER_MESSAGES: Messages = {
  unknown: (t) => ({
    zh: `用户「${t}」不存在（可填用户名或姓名）`,
    en: `No user "${t}" (use a username or display name)`,
  }),
  ambiguous: (t) => ({
    zh: `「${t}」对应多个用户，请改填用户名`,
    en: `"${t}" names more than one user; use the username`,
  }),
};

const DEPARTMENT_MESSAGES: Messages = {
  unknown: (t) => ({
    zh: `部门「${t}」不存在（可填部门编码、名称或完整路径）`,
    en: `No department "${t}" (use its code, name or full path)`,
  }),
  ambiguous: (t) => ({
    zh: `「${t}」对应多个部门，请改填部门编码或完整路径`,
    en: `"${t}" names more than one department; use its code or full path`,
  }),
};

/**
 * Users by id or username, then by display name, then by the display name's last word (demo and real
 * directories write "销售总监 周国平"; a sheet writes 周国平). Ids are what records store: ownership and
 * the `own` scope compare with them.
 */
async function userCandidates(db: DbExecutor): Promise<Candidates> {
  const rows = (
    await sql<{ id: string; username: string; display_name: string }>`
      select id::text as id, username, display_name from ${sql.table(USERS_TABLE)}`.execute(db)
  ).rows;
  const exact = new Map<string, string>();
  const display = new Map<string, string[]>();
  const lastWord = new Map<string, string[]>();
  for (const u of rows) {
    exact.set(key(u.id), u.id);
    exact.set(key(u.username), u.id);
  }
  for (const u of rows) {
    add(display, u.display_name, u.id);
    const words = u.display_name.trim().split(/\s+/);
    if (words.length > 1) add(lastWord, words.at(-1), u.id);
  }
  return { exact, names: [display, lastWord] };
}

/** Departments by code, then by full path (`销售部 / 华东组`, zh or en, any spacing around `/`), then by name. */
async function departmentCandidates(db: DbExecutor): Promise<Candidates> {
  const rows = (
    await sql<{ code: string; name_zh: string; name_en: string; parent: string | null }>`
      select code, name_zh, name_en, parent from ${sql.table(DEPARTMENTS_TABLE)}`.execute(db)
  ).rows;
  const byCode = new Map(rows.map((d) => [d.code, d]));
  const path = (code: string, lang: 'name_zh' | 'name_en'): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let d = byCode.get(code); d && !seen.has(d.code); d = d.parent ? byCode.get(d.parent) : undefined) {
      seen.add(d.code);
      names.unshift(d[lang]);
    }
    return names.join('/');
  };
  const exact = new Map(rows.map((d) => [key(d.code), d.code]));
  const paths = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  for (const d of rows) {
    add(paths, path(d.code, 'name_zh'), d.code);
    add(paths, path(d.code, 'name_en'), d.code);
    add(names, d.name_zh, d.code);
    add(names, d.name_en, d.code);
  }
  return { exact, names: [paths, names] };
}

/** A path as keyed above: `销售部 / 华东组` and `销售部/华东组` are the same path. */
const departmentText = (text: string) => text.replace(/\s*\/\s*/g, '/');

/**
 * The directory as one import sees it: users and departments are read once, on the first cell that needs
 * them (a directory is hundreds of entries, an import up to millions of cells), in that batch's transaction.
 */
export function createDirectoryLookup(): DirectoryLookup {
  let users: Promise<Candidates> | null = null;
  let departments: Promise<Candidates> | null = null;
  return {
    async resolve(db, kind, texts) {
      const out = new Map<string, DirectoryMatch>();
      if (kind === 'user') {
        users ??= userCandidates(db);
        const c = await users;
        for (const t of texts) out.set(t, match(c, t, USER_MESSAGES));
      } else {
        departments ??= departmentCandidates(db);
        const c = await departments;
        for (const t of texts) out.set(t, match(c, t, DEPARTMENT_MESSAGES, departmentText));
      }
      return out;
    },
  };
}
