import { describe, expect, it } from 'vitest';
import { NO_RECORDS, type ScopeUser, scopeFilter } from './scope-filter';

const user: ScopeUser = {
  id: 'u1',
  username: 'sales_east',
  region: 'east',
  department: 'sales',
  departmentsBelow: ['sales', 'sales_east'],
  roles: ['sales'],
};

describe('scopeFilter', () => {
  it('maps own, region and department (with sub-departments) onto the system columns', () => {
    expect(scopeFilter([{ type: 'own' }], user)).toEqual({ '==': [{ var: 'owner' }, 'u1'] });
    expect(scopeFilter([{ type: 'region' }], user)).toEqual({ '==': [{ var: 'region' }, 'east'] });
    expect(scopeFilter([{ type: 'department' }], user)).toEqual({
      in: [{ var: 'department' }, ['sales', 'sales_east']],
    });
  });

  it('returns null (every record) as soon as one scope is all', () => {
    expect(scopeFilter([{ type: 'own' }, { type: 'all' }], user)).toBeNull();
  });

  it('matches nothing without scopes or without the region the scope needs', () => {
    expect(scopeFilter([], user)).toEqual(NO_RECORDS);
    expect(scopeFilter([{ type: 'region' }], { ...user, region: null })).toEqual(NO_RECORDS);
  });

  it('binds $user variables of filter scopes and ORs several scopes', () => {
    const f = scopeFilter(
      [{ type: 'filter', filter: { '==': [{ var: 'assignee' }, { var: '$user.id' }] } }, { type: 'own' }],
      user,
    );
    expect(f).toEqual({ or: [{ '==': [{ var: 'assignee' }, 'u1'] }, { '==': [{ var: 'owner' }, 'u1'] }] });
  });
});
