/** A tiny valid pack (customer + contact) for the pack tests. */
export function packFixture(): Record<string, string> {
  const t = (zh: string, en: string) => ({ zh, en });
  const customer = {
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
        options: [{ value: 'key', label: t('重点', 'Key') }],
      },
    ],
  };
  const contact = {
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
  };
  const view = {
    kind: 'view',
    schemaVersion: 1,
    type: 'list',
    name: 'customer_list',
    entity: 'customer',
    label: t('客户', 'Customers'),
    columns: ['name', 'tier'],
  };
  const seed = { entities: [{ entity: 'customer', count: 3, fields: { name: { gen: 'company_name' } } }] };
  const j = (v: unknown) => JSON.stringify(v, null, 2);
  return {
    'pack.json': j({ id: 'demo-pack', name: t('演示', 'Demo'), version: '0.1.0', engine: '>=0.1.0 <1.0.0' }),
    'app.json': j({ id: 'demo-pack', label: t('演示', 'Demo'), schemaVersion: 1 }),
    'entities/customer.json': j(customer),
    'entities/contact.json': j(contact),
    'views/customer_list.json': j(view),
    'seed/demo.json': j(seed),
    'i18n/zh-CN.json': j({ hello: '你好' }),
    'README.md': '# not a pack document',
  };
}
