import type { ApproverSpec } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import type { PublicUser } from '../auth/user-store';

/** The synchronous resolver the pure state machine calls (users are loaded once per transition). */
export type ResolveApprovers = (
  spec: ApproverSpec,
  record: Record<string, unknown>,
  submitter: string,
) => string[];

/** The role that marks a department's head when the submitter has no manager set. */
export const DEPARTMENT_HEAD_ROLE = 'department_head';

/**
 * Resolves approver specs to user ids over a snapshot of the users table:
 * - `user`: by id or username;
 * - `role`: every user holding it (by username, for a stable order);
 * - `department_head`: the submitter's manager, else a `department_head` of the submitter's department;
 * - `field`: the user id(s) in that record field (ids or usernames of existing users).
 * Unknown users resolve to nothing, so the node's fallback applies.
 *
 * @example
 * const resolve = createApproverResolver(await users.list());
 * resolve({ type: 'role', role: 'risk' }, record, submitterId); // ['8c0…']
 */
export function createApproverResolver(users: PublicUser[]): ResolveApprovers {
  const byId = new Map(users.map((u) => [u.id, u]));
  const byName = new Map(users.map((u) => [u.username, u]));
  const find = (key: unknown) =>
    typeof key === 'string' ? (byId.get(key) ?? byName.get(key) ?? null) : null;
  const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));
  return (spec, record, submitter) => {
    switch (spec.type) {
      case 'user': {
        const u = find(spec.user);
        return u ? [u.id] : [];
      }
      case 'role':
        return sorted.filter((u) => u.roles.includes(spec.role)).map((u) => u.id);
      case 'department_head': {
        const me = find(submitter);
        if (!me) return [];
        const manager = me.managerId ? find(me.managerId) : null;
        if (manager && manager.id !== me.id) return [manager.id];
        if (!me.department) return [];
        return sorted
          .filter((u) => u.department === me.department && u.roles.includes(DEPARTMENT_HEAD_ROLE))
          .filter((u) => u.id !== me.id)
          .map((u) => u.id)
          .slice(0, 1);
      }
      case 'field': {
        const value = record[spec.field];
        const values = Array.isArray(value) ? value : [value];
        return values
          .map(find)
          .filter((u): u is PublicUser => u !== null)
          .map((u) => u.id);
      }
      default:
        return assertNever(spec, 'approver spec');
    }
  };
}
