import type { AppDefinition } from '../model/app';
import type { EntityDoc } from '../model/entity';
import type { RoleDoc } from '../model/role';

export const contact: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'contact',
  label: { zh: '联系人', en: 'Contact' },
  titleField: 'name',
  fields: [
    { id: 'f_name', name: 'name', type: 'text', label: { zh: '姓名', en: 'Name' } },
    { id: 'f_phone', name: 'phone', type: 'phone', sensitive: true, label: { zh: '手机', en: 'Mobile' } },
    { id: 'f_personality', name: 'personality', type: 'text', label: { zh: '性格', en: 'Personality' } },
    { id: 'f_level', name: 'level', type: 'text', label: { zh: '级别', en: 'Level' } },
    { id: 'region', name: 'region', type: 'text', label: { zh: '区域', en: 'Region' } },
  ],
} as EntityDoc;

const role = (name: string, entities: RoleDoc['entities'], extra: Partial<RoleDoc> = {}): RoleDoc => ({
  kind: 'role',
  schemaVersion: 1,
  name,
  label: { zh: name, en: name },
  entities,
  ...extra,
});

export const securityApp: Pick<AppDefinition, 'documents'> = {
  documents: [
    contact,
    role('sales', {
      contact: {
        rights: ['create', 'read', 'update'],
        scope: { type: 'region' },
        fields: { level: 'readonly' },
        reveal: ['phone'],
      },
    }),
    role('finance', {
      contact: {
        rights: ['read'],
        scope: { type: 'all' },
        fields: { personality: 'hidden', level: 'hidden' },
      },
    }),
    role('auditor', { '*': { rights: ['read', 'export'], scope: { type: 'own' } } }),
    role('boss', {}, { admin: true }),
  ],
};
