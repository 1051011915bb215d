import type { AppDefinition, EntityDoc, RecordPageView } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { fieldBuckets, moveSection, newSection, withFieldBuckets } from './record-page-edits';

const customer: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  titleField: 'name',
  fields: [{ id: 'c1', name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } }],
};
const ledger: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'ledger',
  label: { zh: '设备台账', en: 'Ledger' },
  titleField: 'serial',
  fields: [
    { id: 'l1', name: 'serial', type: 'text', label: { zh: '序列号', en: 'Serial' } },
    { id: 'l2', name: 'installed', type: 'date', label: { zh: '安装', en: 'Installed' } },
    {
      id: 'l3',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      label: { zh: '客户', en: 'Customer' },
    },
  ],
};
const page: RecordPageView = {
  kind: 'view',
  schemaVersion: 1,
  type: 'record',
  name: 'customer_record',
  entity: 'customer',
  label: customer.label,
  sections: [
    { type: 'fields', id: 'main', title: { zh: '基本', en: 'Main' }, fields: ['name'] },
    { type: 'fields', id: 'more', title: { zh: '更多', en: 'More' }, fields: [] },
    { type: 'history', id: 'history', title: { zh: '历史', en: 'History' } },
  ],
};
const draft: AppDefinition = {
  id: 'x',
  label: { zh: 'x', en: 'x' },
  schemaVersion: 1,
  documents: [customer, ledger, page],
};

describe('record page edits', () => {
  it('builds related lists, KPIs and timelines from the references to the entity', () => {
    expect(newSection('related', page, draft)).toMatchObject({
      entity: 'ledger',
      via: 'customer',
      columns: ['serial'],
    });
    expect(newSection('kpis', page, draft)).toMatchObject({
      cards: [{ related: { entity: 'ledger', aggregate: 'count' } }],
    });
    expect(newSection('timeline', page, draft)).toMatchObject({
      sources: [{ entity: 'ledger', dateField: 'installed' }],
    });
    expect(newSection('history', page, draft)).toMatchObject({ id: 'history_2' });
    expect(newSection('chart', page, draft)).toBeNull();
  });
  it('round-trips field groups through buckets', () => {
    const b = fieldBuckets(page);
    expect(b).toEqual({ main: ['name'], more: [] });
    expect(withFieldBuckets(page, { main: [], more: ['name'] }).sections[1]).toMatchObject({
      fields: ['name'],
    });
  });
  it('moves a section onto another one', () => {
    expect(moveSection(page, 'history', 'main').sections.map((s) => s.id)).toEqual([
      'history',
      'main',
      'more',
    ]);
  });
});
