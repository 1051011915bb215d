import type { FormDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../schema/validate-form';
import { sampleEntity, sampleForm } from '../test-support/sample-entity';
import { initDesignerState } from './designer-state';
import { formDesignerReducer as reduce } from './form-designer-reducer';

const ids = (form: FormDoc, sectionId: string) =>
  form.sections.find((s) => s.id === sectionId)!.items.map((i) => i.id);

describe('formDesignerReducer', () => {
  it('reorders an item inside its section', () => {
    const s = reduce(initDesignerState(sampleForm), {
      type: 'moveItem',
      itemId: 'i1',
      sectionId: 's1',
      index: 2,
    });
    expect(ids(s.form, 's1').slice(0, 3)).toEqual(['i2', 'i3', 'i1']);
    expect(s.past).toHaveLength(1);
  });

  it('moves an item into a section on another tab', () => {
    const s = reduce(initDesignerState(sampleForm), {
      type: 'moveItem',
      itemId: 'i4',
      sectionId: 's2',
      index: 0,
    });
    expect(ids(s.form, 's2')[0]).toBe('i4');
    expect(ids(s.form, 's1')).not.toContain('i4');
  });

  it('undoes and redoes a move', () => {
    let s = reduce(initDesignerState(sampleForm), {
      type: 'moveItem',
      itemId: 'i4',
      sectionId: 's2',
      index: 1,
    });
    const moved = s.form;
    s = reduce(s, { type: 'undo' });
    expect(s.form).toBe(sampleForm);
    expect(s.future).toHaveLength(1);
    s = reduce(s, { type: 'redo' });
    expect(s.form).toBe(moved);
    expect(s.past).toEqual([sampleForm]);
  });

  it('clears the redo stack after a new edit', () => {
    let s = reduce(initDesignerState(sampleForm), { type: 'removeItem', itemId: 'i1' });
    s = reduce(s, { type: 'undo' });
    s = reduce(s, { type: 'updateItem', itemId: 'i2', patch: { span: 2 } });
    expect(s.future).toEqual([]);
    expect(reduce(s, { type: 'redo' })).toBe(s);
  });

  it('adds no undo step for a move to the same place or an unknown id', () => {
    const start = initDesignerState(sampleForm);
    expect(reduce(start, { type: 'moveItem', itemId: 'i2', sectionId: 's1', index: 1 })).toBe(start);
    expect(reduce(start, { type: 'moveItem', itemId: 'nope', sectionId: 's1', index: 0 })).toBe(start);
    expect(reduce(start, { type: 'undo' })).toBe(start);
  });

  it('adds an item with a fresh id and selects it', () => {
    const s = reduce(initDesignerState(sampleForm), {
      type: 'addItem',
      sectionId: 's2',
      index: 1,
      item: { field: 'serial_no' },
    });
    const added = s.form.sections[1]!.items[1]!;
    expect(added.field).toBe('serial_no');
    expect(new Set(s.form.sections.flatMap((x) => x.items.map((i) => i.id))).size).toBe(13);
    expect(s.selectedId).toBe(added.id);
  });

  it('clears an optional property when patched with undefined', () => {
    const s = reduce(initDesignerState(sampleForm), {
      type: 'updateItem',
      itemId: 'i5',
      patch: { visibleWhen: undefined },
    });
    const item = s.form.sections[0]!.items.find((i) => i.id === 'i5')!;
    expect('visibleWhen' in item).toBe(false);
    expect(item.requiredWhen).toBeDefined();
  });

  it('puts a new section on the active tab', () => {
    let s = initDesignerState(sampleForm);
    s = reduce(s, { type: 'showTab', tabId: 't2' });
    s = reduce(s, { type: 'addSection' });
    const added = s.form.sections.at(-1)!;
    expect(added.tab).toBe('t2');
    expect(added.items).toEqual([]);
    expect(s.selectedId).toBe(added.id);
  });

  it('keeps the sections of a removed tab on the remaining tab', () => {
    let s = initDesignerState(sampleForm);
    s = reduce(s, { type: 'showTab', tabId: 't2' });
    s = reduce(s, { type: 'removeTab', tabId: 't2' });
    expect(s.form.tabs?.map((t) => t.id)).toEqual(['t1']);
    expect(s.form.sections.map((x) => x.tab)).toEqual(['t1', 't1']);
    expect(s.activeTab).toBe('t1');
  });

  it('drops tabs entirely when the last one is removed', () => {
    let s = reduce(initDesignerState(sampleForm), { type: 'removeTab', tabId: 't1' });
    s = reduce(s, { type: 'removeTab', tabId: 't2' });
    expect(s.form.tabs).toBeUndefined();
    expect(s.form.sections.every((x) => x.tab === undefined)).toBe(true);
    expect(s.activeTab).toBeNull();
  });

  it('drops a selection that undo makes disappear', () => {
    let s = reduce(initDesignerState(sampleForm), { type: 'addSection' });
    expect(s.selectedId).not.toBeNull();
    s = reduce(s, { type: 'undo' });
    expect(s.selectedId).toBeNull();
  });

  it('reorders sections', () => {
    const s = reduce(initDesignerState(sampleForm), { type: 'moveSection', sectionId: 's2', index: 0 });
    expect(s.form.sections.map((x) => x.id)).toEqual(['s2', 's1']);
  });

  it('merges consecutive edits with the same merge key into one undo step', () => {
    let s = initDesignerState(sampleForm);
    for (const zh of ['设', '设备', '设备号'])
      s = reduce(s, {
        type: 'updateItem',
        itemId: 'i1',
        patch: { label: { zh, en: '' } },
        merge: 'label:i1',
      });
    expect(s.past).toHaveLength(1);
    s = reduce(s, { type: 'updateItem', itemId: 'i1', patch: { span: 2 } });
    s = reduce(s, {
      type: 'updateItem',
      itemId: 'i1',
      patch: { label: { zh: '设备号2', en: '' } },
      merge: 'label:i1',
    });
    expect(s.past).toHaveLength(3);
    s = reduce(reduce(reduce(s, { type: 'undo' }), { type: 'undo' }), { type: 'undo' });
    expect(s.form).toBe(sampleForm);
  });

  it('only produces forms the engine schema accepts', () => {
    let s = initDesignerState(sampleForm);
    s = reduce(s, { type: 'addTab' });
    s = reduce(s, { type: 'addSection', section: { columns: 3 } });
    const sectionId = s.form.sections.at(-1)!.id;
    s = reduce(s, { type: 'addItem', sectionId, index: 0, item: { field: 'warranty', span: 3 } });
    s = reduce(s, { type: 'moveItem', itemId: 'i1', sectionId, index: 1 });
    s = reduce(s, {
      type: 'updateItem',
      itemId: 'i1',
      patch: { label: { zh: '序号', en: 'No.' }, widget: 'textarea' },
    });
    s = reduce(s, { type: 'removeTab', tabId: 't1' });
    expect(validateForm(s.form, sampleEntity)).toEqual([]);
  });
});
