// @vitest-environment happy-dom
import type { Field, FormDoc, JsonLogic } from '@lattice/engine';
import { act, useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConditionBuilder } from '../conditions/condition-builder';
import { reactHostPerTest } from '../test-support/react-host';
import { sampleEntity, sampleForm } from '../test-support/sample-entity';
import { resolveDesignerDrop } from './designer-dnd';
import { FormDesigner } from './form-designer';

const dom = reactHostPerTest();

const q = (sel: string) => dom.host.querySelector(sel) as HTMLElement | null;
const click = (el: Element | null) => act(() => (el as HTMLElement).click());
function type(el: Element | null, text: string) {
  const input = el as HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function choose(el: Element | null, value: string) {
  const select = el as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('FormDesigner', () => {
  let forms: FormDoc[];
  beforeEach(() => {
    forms = [];
  });
  const mount = (extra: Partial<Parameters<typeof FormDesigner>[0]> = {}) =>
    act(() =>
      dom.root.render(
        <FormDesigner
          entity={sampleEntity}
          form={sampleForm}
          onChange={(f) => forms.push(f)}
          preview={false}
          {...extra}
        />,
      ),
    );

  it('edits the selected item label and undoes it with Ctrl+Z', () => {
    mount();
    click(q('[data-item="i1"]'));
    type(q('[data-prop="label.zh"]'), '设备序列号');
    expect(forms.at(-1)?.sections[0]?.items[0]?.label?.zh).toBe('设备序列号');
    act(() => {
      q('[data-designer]')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }),
      );
    });
    expect(forms.at(-1)).toEqual(sampleForm);
    click(q('[data-action="redo"]'));
    expect(forms.at(-1)?.sections[0]?.items[0]?.label?.zh).toBe('设备序列号');
  });

  it('builds a visibility condition with the condition builder', () => {
    mount();
    click(q('[data-item="i6"]'));
    click(q('[data-prop="visibleWhen"] [data-action="add-condition"]'));
    choose(q('[data-prop="visibleWhen"] [data-role="condition-field"]'), 'status');
    choose(q('[data-prop="visibleWhen"] [data-role="condition-value"]'), 'down');
    const item = forms.at(-1)?.sections[0]?.items.find((i) => i.id === 'i6');
    expect(item?.visibleWhen).toEqual({ and: [{ '==': [{ var: 'status' }, 'down'] }] });
  });

  it('adds an existing field to the selected section from the palette', () => {
    mount();
    click(q('[data-canvas] [data-tab="t2"]'));
    click(q('[data-section="s2"] .lf-canvas-section-head'));
    act(() => {
      q('[data-palette-item="palette-field-serial_no"]')!.dispatchEvent(
        new MouseEvent('dblclick', { bubbles: true }),
      );
    });
    expect(forms.at(-1)?.sections[1]?.items.at(-1)?.field).toBe('serial_no');
  });

  it('adds a new field type through onAddField', async () => {
    const created: Field = {
      id: 'f99',
      name: 'remark',
      type: 'longtext',
      label: { zh: '备注', en: 'Remark' },
    };
    mount({ onAddField: async (t) => (t === 'longtext' ? created : null) });
    click(q('[data-section="s1"] .lf-canvas-section-head'));
    await act(async () => {
      q('[data-palette-item="palette-type-longtext"]')!.dispatchEvent(
        new MouseEvent('dblclick', { bubbles: true }),
      );
    });
    expect(forms.at(-1)?.sections[0]?.items.at(-1)?.field).toBe('remark');
  });

  it('adds and removes tabs and sections from the toolbar', () => {
    mount();
    click(q('[data-action="add-tab"]'));
    expect(forms.at(-1)?.tabs).toHaveLength(3);
    click(q('[data-action="add-section"]'));
    const added = forms.at(-1)!.sections.at(-1)!;
    expect(added.tab).toBe(forms.at(-1)!.tabs![2]!.id);
    expect(q(`[data-section="${added.id}"]`)).not.toBeNull();
  });

  it('shows a live preview of the form being designed', () => {
    act(() => dom.root.render(<FormDesigner entity={sampleEntity} form={sampleForm} onChange={() => {}} />));
    expect(q('[data-preview] [data-field="serial_no"]')).not.toBeNull();
  });
});

describe('resolveDesignerDrop', () => {
  it('lands before the item dropped on, at the end of a section, or at the end of a tab', () => {
    expect(resolveDesignerDrop(sampleForm, { kind: 'item', itemId: 'i8', sectionId: 's2' })).toEqual({
      sectionId: 's2',
      index: 1,
    });
    expect(resolveDesignerDrop(sampleForm, { kind: 'section', sectionId: 's1' })).toEqual({
      sectionId: 's1',
      index: 7,
    });
    expect(resolveDesignerDrop(sampleForm, { kind: 'tab', tabId: 't2' })).toEqual({
      sectionId: 's2',
      index: 5,
    });
    expect(resolveDesignerDrop(sampleForm, { kind: 'tab', tabId: 'nope' })).toBeNull();
    expect(resolveDesignerDrop(sampleForm, null)).toBeNull();
  });
});

function Harness(p: { initial: JsonLogic | undefined; seen: (JsonLogic | undefined)[] }) {
  const [value, setValue] = useState(p.initial);
  return (
    <ConditionBuilder
      entity={sampleEntity}
      value={value}
      onChange={(v) => {
        p.seen.push(v);
        setValue(v);
      }}
    />
  );
}

describe('ConditionBuilder', () => {
  it('switches a group to OR and removes rows back to "no condition"', () => {
    const seen: (JsonLogic | undefined)[] = [];
    const rows: JsonLogic[] = [{ '>': [{ var: 'qty' }, 3] }, { '==': [{ var: 'status' }, 'down'] }];
    const initial: JsonLogic = { and: rows };
    act(() => dom.root.render(<Harness initial={initial} seen={seen} />));
    choose(q('.lf-cond-join select'), 'or');
    expect(seen.at(-1)).toEqual({ or: rows });
    click(q('.lf-cond-row .is-danger'));
    click(q('.lf-cond-row .is-danger'));
    expect(seen.at(-1)).toBeUndefined();
  });

  it('falls back to raw JSON for expressions it cannot show', () => {
    act(() => dom.root.render(<Harness initial={{ '+': [1, 2] }} seen={[]} />));
    expect(q('.lf-condition.is-raw textarea')).not.toBeNull();
  });
});
