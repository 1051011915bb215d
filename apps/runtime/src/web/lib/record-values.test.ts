import type { EntityDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { changedValues, prefillFromQuery } from './record-values';

const entity = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'contact',
  label: { zh: '联系人', en: 'Contact' },
  titleField: 'name',
  fields: [
    { id: 'f1', name: 'name', type: 'text', label: { zh: '姓名', en: 'Name' } },
    {
      id: 'f2',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      label: { zh: '客户', en: 'Customer' },
    },
    { id: 'f3', name: 'code', type: 'autonumber', pattern: 'C-{0000}', label: { zh: '编号', en: 'Code' } },
  ],
} as EntityDoc;

describe('changedValues', () => {
  it('keeps only edited fields and never system columns', () => {
    const before = { id: 'x', version: 3, name: '张三', customer: 'c1', updated_at: 't' };
    const after = { ...before, name: '李四', version: 4, tags: ['a'] };
    expect(changedValues(before, after)).toEqual({ name: '李四', tags: ['a'] });
  });

  it('treats undefined and null as the same empty value', () => {
    expect(changedValues({ name: null }, { name: undefined })).toEqual({});
  });
});

describe('prefillFromQuery', () => {
  it('takes editable fields from the query and ignores unknown or computed ones', () => {
    const q = new URLSearchParams('customer=c1&code=C-9&evil=1');
    expect(prefillFromQuery(entity, q)).toEqual({ customer: 'c1' });
  });
});
