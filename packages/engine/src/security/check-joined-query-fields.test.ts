import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../model/entity';
import { checkJoinedQueryFields } from './check-joined-query-fields';
import type { EntityAccess } from './resolve-entity-access';

const customer = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  fields: [
    { id: 'c1', name: 'region', type: 'text', label: { zh: '区域', en: 'Region' } },
    { id: 'c2', name: 'credit_limit', type: 'currency', label: { zh: '额度', en: 'Limit' } },
    { id: 'c3', name: 'phone', type: 'phone', sensitive: true, label: { zh: '电话', en: 'Phone' } },
  ],
} as EntityDoc;
const ticket = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'ticket',
  label: { zh: '工单', en: 'Ticket' },
  fields: [
    {
      id: 't1',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      label: { zh: '客户', en: 'Customer' },
    },
  ],
} as EntityDoc;
const app = { documents: [customer, ticket] };

const access = (rights: EntityAccess['rights'], fields: EntityAccess['fields'] = {}): EntityAccess => ({
  entity: 'customer',
  superuser: false,
  rights,
  scopes: {
    create: [],
    read: rights.includes('read') ? [{ type: 'all' }] : [],
    update: [],
    delete: [],
    export: [],
    import: [],
  },
  fields,
  reveal: [],
});

describe('checkJoinedQueryFields', () => {
  const eq = (name: string) => ({ filter: { and: [{ '==': [{ var: name }, 'x'] }] } });

  it('lets a readable, visible referenced field through', () => {
    expect(checkJoinedQueryFields(app, ticket, eq('customer.region'), () => access(['read']))).toEqual([]);
  });

  it('refuses fields the role hides there, sensitive fields, unreadable entities and non-references', () => {
    const hidden = () => access(['read'], { credit_limit: 'hidden' });
    expect(checkJoinedQueryFields(app, ticket, eq('customer.credit_limit'), hidden)[0]?.message.en).toBe(
      'unknown or unfilterable field "customer.credit_limit"',
    );
    expect(checkJoinedQueryFields(app, ticket, eq('customer.phone'), () => access(['read']))).toHaveLength(1);
    expect(checkJoinedQueryFields(app, ticket, eq('customer.region'), () => access([]))).toHaveLength(1);
    expect(checkJoinedQueryFields(app, customer, eq('region.x'), () => access(['read']))).toHaveLength(1);
    expect(
      checkJoinedQueryFields(app, ticket, { sort: [{ field: 'customer.credit_limit' }] }, hidden),
    ).toHaveLength(1);
  });
});
