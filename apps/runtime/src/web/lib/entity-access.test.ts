import type { EntityDoc, FormDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { type AppAccess, can, editableEntity, visibleForm } from './entity-access';

const entity = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  titleField: 'name',
  fields: [
    { id: 'a', name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } },
    { id: 'b', name: 'credit_limit', type: 'currency', label: { zh: '额度', en: 'Limit' } },
    { id: 'c', name: 'margin', type: 'percent', label: { zh: '毛利', en: 'Margin' } },
  ],
} as EntityDoc;

const access: AppAccess = {
  customer: {
    rights: ['read', 'update'],
    fields: { name: 'editable', credit_limit: 'readonly', margin: 'hidden' },
    reveal: [],
  },
};

describe('can', () => {
  it('answers from the loaded rights and allows everything while access is unknown', () => {
    expect(can(access, 'customer', 'update')).toBe(true);
    expect(can(access, 'customer', 'delete')).toBe(false);
    expect(can(access, 'order', 'read')).toBe(false);
    expect(can(null, 'order', 'delete')).toBe(true);
  });
});

describe('editableEntity and visibleForm', () => {
  it('makes read-only fields read-only and drops hidden ones from the form', () => {
    const e = editableEntity(entity, access);
    expect(e.fields.find((f) => f.name === 'credit_limit')?.readonly).toBe(true);
    expect(e.fields.find((f) => f.name === 'name')?.readonly).toBeUndefined();
    const form = {
      kind: 'form',
      schemaVersion: 1,
      name: 'f',
      entity: 'customer',
      label: { zh: '', en: '' },
      sections: [
        {
          id: 's',
          title: { zh: '', en: '' },
          columns: 2,
          items: ['name', 'credit_limit', 'margin'].map((f) => ({ id: f, field: f })),
        },
      ],
    } as FormDoc;
    expect(visibleForm(form, 'customer', access).sections[0]!.items.map((i) => i.field)).toEqual([
      'name',
      'credit_limit',
    ]);
  });
});
