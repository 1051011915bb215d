import type { JsonLogic } from '../model/json-logic';
import type { RecordScope } from '../model/role';

/** What a scope needs to know about the acting user. */
export interface ScopeUser {
  id: string;
  username: string;
  region: string | null;
  department: string | null;
  /** The user's department and every department below it in the tree (codes). */
  departmentsBelow: readonly string[];
  roles: readonly string[];
}

/** A filter no record satisfies (an empty `in` list compiles to SQL `false`). */
export const NO_RECORDS: JsonLogic = { in: [{ var: 'id' }, []] };

/**
 * Turns the scopes granting one right into the JsonLogic filter (query subset, over system columns
 * `owner`/`region`/`department`) that records must satisfy; `null` means every record. No scope at all
 * means no record. `filter` scopes may read the user through `{"var": "$user.id"}` (`username`,
 * `region`, `department`, `roles`), which is bound to literals here.
 *
 * @example
 * scopeFilter([{ type: 'region' }], user) // { '==': [{ var: 'region' }, 'east'] }
 */
export function scopeFilter(scopes: readonly RecordScope[], user: ScopeUser): JsonLogic | null {
  if (scopes.length === 0) return NO_RECORDS;
  const parts: JsonLogic[] = [];
  for (const s of scopes) {
    const f = oneScope(s, user);
    if (f === null) return null;
    parts.push(f);
  }
  const unique = [...new Map(parts.map((p) => [JSON.stringify(p), p])).values()];
  return unique.length === 1 ? (unique[0] as JsonLogic) : { or: unique };
}

function oneScope(scope: RecordScope, user: ScopeUser): JsonLogic | null {
  switch (scope.type) {
    case 'all':
      return null;
    case 'own':
      return { '==': [{ var: 'owner' }, user.id] };
    case 'region':
      return user.region ? { '==': [{ var: 'region' }, user.region] } : NO_RECORDS;
    case 'department': {
      const below = user.departmentsBelow.length
        ? user.departmentsBelow
        : user.department
          ? [user.department]
          : [];
      return below.length ? { in: [{ var: 'department' }, [...below]] } : NO_RECORDS;
    }
    case 'filter':
      return bindUserVars(scope.filter, user) as JsonLogic;
    default:
      return scope satisfies never;
  }
}

/** Replaces `{"var": "$user.<key>"}` by the user's value, so the filter is plain data over the record. */
export function bindUserVars(expr: unknown, user: ScopeUser): unknown {
  if (Array.isArray(expr)) return expr.map((e) => bindUserVars(e, user));
  if (expr === null || typeof expr !== 'object') return expr;
  const entries = Object.entries(expr);
  if (entries.length === 1 && entries[0]![0] === 'var') {
    const name = Array.isArray(entries[0]![1]) ? entries[0]![1][0] : entries[0]![1];
    if (typeof name === 'string' && name.startsWith('$user.')) return userValue(user, name.slice(6));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, bindUserVars(v, user)]));
}

function userValue(user: ScopeUser, key: string): unknown {
  switch (key) {
    case 'id':
      return user.id;
    case 'username':
      return user.username;
    case 'region':
      return user.region;
    case 'department':
      return user.department;
    case 'roles':
      return [...user.roles];
    default:
      return null;
  }
}
