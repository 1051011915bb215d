import type { AppDefinition, EntityDoc, FormDoc, ListView, RecordPageView } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import {
  addField,
  draftEntity,
  entityForm,
  removeEntity,
  removeField,
  setRelatedList,
  updateField,
} from './draft-edits';

const ledger: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'ledger',
  label: { zh: '台账', en: 'Ledger' },
  titleField: 'serial',
  fields: [
    { id: 'f1', name: 'serial', type: 'text', label: { zh: '序列号', en: 'Serial' } },
    {
      id: 'f2',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      label: { zh: '客户', en: 'Customer' },
    },
  ],
};
const form: FormDoc = {
  kind: 'form',
  schemaVersion: 1,
  name: 'ledger_form',
  entity: 'ledger',
  label: ledger.label,
  sections: [
    { id: 's1', title: { zh: '基本', en: 'Basic' }, columns: 2, items: [{ id: 'i1', field: 'serial' }] },
  ],
};
const list: ListView = {
  kind: 'view',
  schemaVersion: 1,
  type: 'list',
  name: 'ledger_list',
  entity: 'ledger',
  label: ledger.label,
  columns: ['serial', 'customer'],
  sort: [{ field: 'serial', dir: 'asc' }],
};
const customerPage: RecordPageView = {
  kind: 'view',
  schemaVersion: 1,
  type: 'record',
  name: 'customer_record',
  entity: 'customer',
  label: { zh: '客户', en: 'Customer' },
  sections: [{ type: 'history', id: 'history', title: { zh: '历史', en: 'History' } }],
};
const draft: AppDefinition = {
  id: 'x',
  label: { zh: 'x', en: 'x' },
  schemaVersion: 1,
  documents: [ledger, form, list, customerPage],
};

describe('draft edits', () => {
  it('appends a new field to the entity form so it is not left off', () => {
    const next = addField(
      draft,
      'ledger',
      { id: 'f3', name: 'installed_on', type: 'date', label: { zh: '安装', en: 'Installed' } },
      1,
    );
    expect(draftEntity(next, 'ledger')!.fields.map((f) => f.name)).toEqual([
      'serial',
      'installed_on',
      'customer',
    ]);
    expect(entityForm(next, 'ledger')!.sections[0]!.items.map((i) => i.field)).toEqual([
      'serial',
      'installed_on',
    ]);
  });

  it('carries a rename into the title field, form items, columns and sorts', () => {
    const next = updateField(draft, 'ledger', { ...ledger.fields[0]!, name: 'serial_no' });
    expect(draftEntity(next, 'ledger')!.titleField).toBe('serial_no');
    expect(entityForm(next, 'ledger')!.sections[0]!.items[0]!.field).toBe('serial_no');
    const view = next.documents[2] as ListView;
    expect(view.columns).toEqual(['serial_no', 'customer']);
    expect(view.sort).toEqual([{ field: 'serial_no', dir: 'asc' }]);
  });

  it('removes a field from forms and views and moves the title field', () => {
    const next = removeField(draft, 'ledger', 'f1');
    expect(draftEntity(next, 'ledger')!.titleField).toBe('customer');
    expect(entityForm(next, 'ledger')!.sections[0]!.items).toEqual([]);
    expect((next.documents[2] as ListView).columns).toEqual(['customer']);
    expect((next.documents[2] as ListView).sort).toEqual([]);
  });

  it('puts a related list on the target record page before its history, and takes it off again', () => {
    const shown = setRelatedList(draft, ledger, ledger.fields[1]!, true);
    const page = shown.documents[3] as RecordPageView;
    expect(page.sections.map((s) => s.type)).toEqual(['related', 'history']);
    expect(page.sections[0]).toMatchObject({ entity: 'ledger', via: 'customer', columns: ['serial'] });
    expect(setRelatedList(shown, ledger, ledger.fields[1]!, true)).toBe(shown);
    const hidden = setRelatedList(shown, ledger, ledger.fields[1]!, false);
    expect((hidden.documents[3] as RecordPageView).sections.map((s) => s.type)).toEqual(['history']);
  });

  it('drops a removed child field from the related list on the parent record page', () => {
    const shown = setRelatedList(draft, ledger, ledger.fields[1]!, true);
    const renamed = updateField(shown, 'ledger', { ...ledger.fields[0]!, name: 'serial_no' });
    expect((renamed.documents[3] as RecordPageView).sections[0]).toMatchObject({ columns: ['serial_no'] });
    const removedVia = removeField(renamed, 'ledger', 'f2');
    expect((removedVia.documents[3] as RecordPageView).sections.map((s) => s.type)).toEqual(['history']);
  });

  it('removes an entity with its form, views and the related list that follows it', () => {
    const shown = setRelatedList(draft, ledger, ledger.fields[1]!, true);
    const result = removeEntity(shown, 'ledger');
    expect(result.blockedBy).toEqual([]);
    expect(result.draft!.documents.map((d) => ('name' in d ? d.name : ''))).toEqual(['customer_record']);
    expect((result.draft!.documents[0] as RecordPageView).sections.map((s) => s.type)).toEqual(['history']);
  });

  it('refuses to remove an entity another one still references', () => {
    const withCustomer: AppDefinition = {
      ...draft,
      documents: [...draft.documents, { ...ledger, name: 'customer', fields: [ledger.fields[0]!] }],
    };
    expect(removeEntity(withCustomer, 'customer').blockedBy).toEqual(['ledger.customer']);
  });

  it('puts a retyped field back on the automatic widget', () => {
    const withWidget = updateField(draft, 'ledger', ledger.fields[0]!);
    const form2 = {
      ...form,
      sections: [
        { ...form.sections[0]!, items: [{ id: 'i1', field: 'serial', widget: 'textarea' as const }] },
      ],
    };
    const d2 = { ...withWidget, documents: withWidget.documents.map((d) => (d.kind === 'form' ? form2 : d)) };
    const retyped = updateField(d2, 'ledger', {
      id: 'f1',
      name: 'serial',
      type: 'number',
      label: ledger.fields[0]!.label,
    });
    expect(entityForm(retyped, 'ledger')!.sections[0]!.items[0]).toEqual({ id: 'i1', field: 'serial' });
  });
});
