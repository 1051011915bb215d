import { describe, expect, it } from 'vitest';
import { fullSampleApp } from '../../validation/testing/full-sample-app';
import { validateAppDefinition } from '../../validation/validate-app-definition';
import { documentsOfKind } from '../app';
import type { EntityDoc } from '../entity';
import { defaultFormForEntity } from './default-form-for-entity';
import { defaultListView } from './default-list-view';
import { defaultRecordPage } from './default-record-page';

function sample(): { app: ReturnType<typeof fullSampleApp>; customer: EntityDoc; order: EntityDoc } {
  const app = fullSampleApp();
  const [customer, order] = documentsOfKind(app, 'entity');
  return { app, customer: customer!, order: order! };
}

describe('defaultFormForEntity', () => {
  it('lays out every field once, in entity order, with stable ids', () => {
    const { customer } = sample();
    const form = defaultFormForEntity(customer);
    expect(form.sections[0]!.items.map((i) => i.field)).toEqual(customer.fields.map((f) => f.name));
    expect(defaultFormForEntity(customer)).toEqual(form);
  });

  it('spans wide fields across both columns and shows computed fields read-only', () => {
    const items = defaultFormForEntity(sample().customer).sections[0]!.items;
    expect(items.find((i) => i.field === 'notes_text')?.span).toBe(2);
    expect(items.find((i) => i.field === 'name')?.span).toBeUndefined();
    expect(items.filter((i) => i.widget === 'readonly').map((i) => i.field)).toEqual([
      'risky',
      'order_total',
      'code',
    ]);
  });

  it('keeps a derived name within the identifier limit', () => {
    const long = { ...sample().order, name: 'a'.repeat(63) };
    expect(defaultFormForEntity(long).name).toBe(`${'a'.repeat(58)}_form`);
  });
});

describe('defaultListView', () => {
  it('starts with the title field, skips bulky fields and sorts newest first', () => {
    const view = defaultListView(sample().customer);
    expect(view.columns).toEqual([
      'name',
      'score',
      'headcount',
      'credit',
      'margin',
      'signed_on',
      'updated_at',
    ]);
    expect(view.sort).toEqual([{ field: 'updated_at', dir: 'desc' }]);
  });
});

describe('defaultRecordPage', () => {
  it('adds a related list for each reference pointing at the entity', () => {
    const { app, customer } = sample();
    const page = defaultRecordPage(customer, app);
    const related = page.sections.filter((s) => s.type === 'related');
    expect(related.map((s) => [s.entity, s.via])).toEqual([
      ['customer', 'parent'],
      ['order', 'customer'],
    ]);
    expect(page.sections.map((s) => s.type)).toEqual([
      'fields',
      'fields',
      'related',
      'related',
      'history',
      'approvals',
    ]);
  });

  it('has no related lists without the app', () => {
    expect(defaultRecordPage(sample().order).sections.map((s) => s.type)).toEqual([
      'fields',
      'history',
      'approvals',
    ]);
  });
});

describe('default documents', () => {
  it('pass validation as part of the app they were generated for', () => {
    const { app } = sample();
    for (const entity of documentsOfKind(app, 'entity')) {
      const form = defaultFormForEntity(entity);
      const list = defaultListView(entity);
      const page = defaultRecordPage(entity, app);
      app.documents.push(
        { ...form, name: `${form.name}_d` },
        { ...list, name: `${list.name}_d` },
        { ...page, name: `${page.name}_d` },
      );
    }
    expect(validateAppDefinition(app)).toEqual([]);
  });
});
