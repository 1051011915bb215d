import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../auth/user-store';
import { createApproverResolver } from './approver-resolver';

const user = (id: string, roles: string[], extra: Partial<PublicUser> = {}): PublicUser => ({
  id,
  username: id.replace(/^u-/, ''),
  displayName: id,
  roles,
  department: null,
  region: null,
  managerId: null,
  ...extra,
});

const users = [
  user('u-risk2', ['risk']),
  user('u-risk1', ['risk']),
  user('u-boss', ['sales_manager'], { department: 'sales' }),
  user('u-sales', ['sales'], { department: 'sales', managerId: 'u-boss' }),
  user('u-head', ['department_head'], { department: 'service' }),
  user('u-engineer', ['service'], { department: 'service' }),
  user('u-loner', ['service']),
];
const resolve = createApproverResolver(users);

describe('approver resolution at run time', () => {
  it('finds a named user by id or username, and nobody for an unknown one', () => {
    expect(resolve({ type: 'user', user: 'u-risk1' }, {}, 'u-sales')).toEqual(['u-risk1']);
    expect(resolve({ type: 'user', user: 'risk1' }, {}, 'u-sales')).toEqual(['u-risk1']);
    expect(resolve({ type: 'user', user: 'ghost' }, {}, 'u-sales')).toEqual([]);
  });

  it('finds every holder of a role in a stable (username) order', () => {
    expect(resolve({ type: 'role', role: 'risk' }, {}, 'u-sales')).toEqual(['u-risk1', 'u-risk2']);
    expect(resolve({ type: 'role', role: 'nobody' }, {}, 'u-sales')).toEqual([]);
  });

  it('takes the submitter’s manager as department head, else the department’s department_head', () => {
    expect(resolve({ type: 'department_head' }, {}, 'u-sales')).toEqual(['u-boss']);
    expect(resolve({ type: 'department_head' }, {}, 'u-engineer')).toEqual(['u-head']);
    // No manager and no department: nobody, so the node's fallback applies.
    expect(resolve({ type: 'department_head' }, {}, 'u-loner')).toEqual([]);
  });

  it('reads a user field of the record (ids or usernames, one or many); empty resolves to nobody', () => {
    expect(resolve({ type: 'field', field: 'owner' }, { owner: 'u-sales' }, 'u-sales')).toEqual(['u-sales']);
    expect(resolve({ type: 'field', field: 'team' }, { team: ['risk2', 'u-boss'] }, 'u-sales')).toEqual([
      'u-risk2',
      'u-boss',
    ]);
    expect(resolve({ type: 'field', field: 'owner' }, { owner: null }, 'u-sales')).toEqual([]);
  });
});
