import type { AppDefinition, RoleDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { permissionFor, setPermission } from './role-edits';

const sales: RoleDoc = {
  kind: 'role',
  schemaVersion: 1,
  name: 'sales',
  label: { zh: '销售', en: 'Sales' },
  entities: { '*': { rights: ['read'], scope: { type: 'own' } } },
};
const draft: AppDefinition = { id: 'x', label: { zh: 'x', en: 'x' }, schemaVersion: 1, documents: [sales] };

describe('role edits', () => {
  it('reads an entity permission, falling back to the role-wide entry', () => {
    expect(permissionFor(sales, 'ledger')).toEqual({ permission: sales.entities['*'], inherited: true });
  });
  it('gives a role its own entry for an entity and removes it again', () => {
    const granted = setPermission(draft, 'sales', 'ledger', {
      rights: ['read', 'create'],
      scope: { type: 'all' },
    });
    const role = granted.documents[0] as RoleDoc;
    expect(permissionFor(role, 'ledger')).toEqual({
      permission: { rights: ['read', 'create'], scope: { type: 'all' } },
      inherited: false,
    });
    expect((setPermission(granted, 'sales', 'ledger', null).documents[0] as RoleDoc).entities).toEqual(
      sales.entities,
    );
  });
});
