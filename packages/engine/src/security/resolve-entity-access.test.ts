import { describe, expect, it } from 'vitest';
import { resolveEntityAccess } from './resolve-entity-access';
import { securityApp } from './security.test-helper';

describe('resolveEntityAccess', () => {
  it('grants the rights and scopes of the role naming the entity', () => {
    const a = resolveEntityAccess(securityApp, ['sales'], 'contact');
    expect(a.rights).toEqual(['create', 'read', 'update']);
    expect(a.scopes.read).toEqual([{ type: 'region' }]);
    expect(a.scopes.delete).toEqual([]);
    expect(a.fields).toEqual({ level: 'readonly' });
  });

  it('falls back to the * entry and grants nothing for unknown roles', () => {
    expect(resolveEntityAccess(securityApp, ['auditor'], 'order').rights).toEqual(['read', 'export']);
    expect(resolveEntityAccess(securityApp, ['nobody'], 'contact').rights).toEqual([]);
  });

  it('merges roles: union of rights, OR of scopes, the most permissive field access wins', () => {
    const a = resolveEntityAccess(securityApp, ['sales', 'finance'], 'contact');
    expect(a.scopes.read).toEqual([{ type: 'region' }, { type: 'all' }]);
    expect(a.fields).toEqual({ level: 'readonly' });
    expect(a.reveal).toEqual(['phone']);
  });

  it('treats the platform admin role and admin role documents as unrestricted', () => {
    expect(resolveEntityAccess(securityApp, ['admin'], 'contact').superuser).toBe(true);
    expect(resolveEntityAccess(securityApp, ['boss'], 'contact').scopes.delete).toEqual([{ type: 'all' }]);
  });
});
