import type { EntityDoc, RoleDoc } from '@lattice/engine';
import type { LiveApp } from '@lattice/engine/storage';
import { describe, expect, it } from 'vitest';
import { checkImportAccess } from './check-import-access';

const t = (s: string) => ({ zh: s, en: s });
const contact: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'contact',
  label: t('contact'),
  titleField: 'name',
  fields: [
    { id: 'name', name: 'name', type: 'text', label: t('name') },
    { id: 'phone', name: 'phone', type: 'phone', label: t('phone'), sensitive: true },
    { id: 'wechat', name: 'wechat', type: 'text', label: t('wechat'), sensitive: true },
    { id: 'personality', name: 'personality', type: 'text', label: t('personality') },
    { id: 'secret', name: 'secret', type: 'text', label: t('secret') },
    { id: 'owner', name: 'owner', type: 'user', label: t('owner') },
  ],
};
const importer: RoleDoc = {
  kind: 'role',
  schemaVersion: 1,
  name: 'importer',
  label: t('importer'),
  entities: {
    contact: {
      rights: ['read', 'import'],
      scope: { type: 'region' },
      fields: { personality: 'readonly', secret: 'hidden' },
      reveal: ['wechat'],
    },
  },
};
const live = { appId: 'a', definition: { documents: [contact, importer] } } as unknown as LiveApp;
const user = (roles: string[], system = false) => ({
  id: 'u1',
  username: 'u1',
  roles,
  region: 'east',
  system,
});
const map = (...fields: string[]) => fields.map((field, column) => ({ column, header: field, field }));

function refusal(roles: string[], ...fields: string[]) {
  try {
    checkImportAccess(user(roles), live, contact, map(...fields));
    return null;
  } catch (e) {
    const err = e as { code: string; details: { path: string }[] };
    return { code: err.code, paths: err.details.map((d) => d.path) };
  }
}

describe('checkImportAccess', () => {
  it('refuses a role without the import right on the entity', () => {
    expect(refusal(['nobody'], 'name')).toMatchObject({ code: 'LATTICE_ERR_FORBIDDEN' });
  });

  it('lets a role map the fields it may edit, including a sensitive field it may reveal', () => {
    expect(refusal(['importer'], 'name', 'wechat')).toBeNull();
  });

  it('refuses read-only fields, masked fields the role may not reveal and owner outside an "all" scope', () => {
    expect(refusal(['importer'], 'name', 'phone', 'personality', 'owner')).toEqual({
      code: 'LATTICE_ERR_FORBIDDEN',
      paths: ['mapping.phone', 'mapping.personality', 'mapping.owner'],
    });
  });

  it('answers a hidden field as unknown, exactly like the records API', () => {
    expect(refusal(['importer'], 'secret')).toEqual({
      code: 'LATTICE_ERR_VALIDATION',
      paths: ['mapping.secret'],
    });
  });

  it('lets system actors through', () => {
    expect(() => checkImportAccess(user([], true), live, contact, map('secret', 'owner'))).not.toThrow();
  });
});
