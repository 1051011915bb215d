/** A small pack (customer + contact + list view + rule + seed) at a version, for the pack tests. */
export function testPackFiles(
  version = '0.1.0',
  change?: (docs: Record<string, Doc>) => void,
): Record<string, string> {
  const t = (zh: string, en: string) => ({ zh, en });
  const docs: Record<string, Doc> = {
    'entities/customer.json': {
      kind: 'entity',
      schemaVersion: 1,
      name: 'customer',
      label: t('客户', 'Customer'),
      titleField: 'name',
      fields: [
        { id: 'name', name: 'name', type: 'text', label: t('名称', 'Name'), required: true },
        {
          id: 'tier',
          name: 'tier',
          type: 'select',
          label: t('等级', 'Tier'),
          options: [
            { value: 'key', label: t('重点', 'Key') },
            { value: 'normal', label: t('普通', 'Normal') },
          ],
        },
        { id: 'owner', name: 'owner', type: 'user', label: t('负责人', 'Owner') },
        { id: 'vip', name: 'vip', type: 'boolean', label: t('VIP', 'VIP') },
      ],
    },
    'entities/contact.json': {
      kind: 'entity',
      schemaVersion: 1,
      name: 'contact',
      label: t('联系人', 'Contact'),
      titleField: 'name',
      fields: [
        { id: 'name', name: 'name', type: 'text', label: t('姓名', 'Name') },
        {
          id: 'customer',
          name: 'customer',
          type: 'reference',
          label: t('客户', 'Customer'),
          target: 'customer',
          onDelete: 'cascade',
        },
      ],
    },
    'views/customer_list.json': {
      kind: 'view',
      schemaVersion: 1,
      type: 'list',
      name: 'customer_list',
      entity: 'customer',
      label: t('客户', 'Customers'),
      columns: ['name', 'tier'],
    },
    'rules/key_is_vip.json': {
      kind: 'rule',
      schemaVersion: 1,
      name: 'key_is_vip',
      label: t('重点客户即VIP', 'Key customers are VIP'),
      entity: 'customer',
      enabled: true,
      trigger: { type: 'field_changed', field: 'tier' },
      condition: { '==': [{ var: 'tier' }, 'key'] },
      actions: [{ type: 'set_fields', values: { vip: true } }],
    },
  };
  change?.(docs);
  const seed = {
    users: [{ username: 'seed_owner', displayName: 'Seed owner', roles: ['sales'] }],
    entities: [
      {
        entity: 'customer',
        count: 4,
        fields: {
          name: { gen: 'company_name' },
          tier: { gen: 'choice', values: ['key', 'normal'] },
          owner: { gen: 'const', value: 'seed_owner' },
        },
      },
      {
        entity: 'contact',
        perParent: { entity: 'customer', min: 2, max: 2 },
        fields: { name: { gen: 'person_name' }, customer: { gen: 'parent' } },
      },
    ],
  };
  const j = (v: unknown) => JSON.stringify(v, null, 2);
  const files: Record<string, string> = {
    'pack.json': j({ id: 'test-crm', name: t('测试', 'Test'), version, engine: '>=0.1.0 <1.0.0' }),
    'app.json': j({ id: 'test-crm', label: t('测试客户管理', 'Test CRM'), schemaVersion: 1 }),
    'seed/demo.json': j(seed),
    'i18n/zh-CN.json': j({ hello: '你好' }),
  };
  for (const [path, doc] of Object.entries(docs)) files[path] = j(doc);
  return files;
}

// biome-ignore lint/suspicious/noExplicitAny: test documents are edited freely
export type Doc = Record<string, any>;
