// @vitest-environment happy-dom
import { defaultFormForEntity, FIELD_TYPES } from '@lattice/engine';
import { act, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { allTypesEntity } from '../test-support/all-types-entity';
import { reactHostPerTest } from '../test-support/react-host';
import { sampleEntity, sampleForm } from '../test-support/sample-entity';
import type { FormRendererProps } from './form-renderer';
import { FormRenderer } from './form-renderer';

const dom = reactHostPerTest();

let latest: Record<string, unknown> = {};

beforeEach(() => {
  latest = {};
});

function Harness(p: Omit<FormRendererProps, 'value' | 'onChange'> & { initial?: Record<string, unknown> }) {
  const [value, setValue] = useState<Record<string, unknown>>(p.initial ?? {});
  return (
    <FormRenderer
      {...p}
      value={value}
      onChange={(v) => {
        latest = v;
        setValue(v);
      }}
    />
  );
}

function mount(p: Parameters<typeof Harness>[0]) {
  act(() => dom.root.render(<Harness {...p} />));
}

/** Types into a React-controlled input the way a browser does (native setter + input event). */
function type(el: Element, text: string) {
  const input = el as HTMLInputElement;
  const proto = input.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const q = (sel: string) => dom.host.querySelector(sel);

describe('FormRenderer', () => {
  it('renders a widget with data-field for every field type', () => {
    const entity = allTypesEntity();
    const html = renderToString(<FormRenderer entity={entity} value={{}} onChange={() => {}} />);
    for (const t of FIELD_TYPES) expect(html).toContain(`data-field="f_${t}"`);
  });

  it('applies defaults on open and recomputes live values as the user types', () => {
    mount({ entity: sampleEntity, form: sampleForm });
    expect(latest.interval_days).toBe(90);
    type(q('[data-field="price"] input')!, '12.5');
    type(q('[data-field="qty"] input')!, '4');
    expect(latest.total).toBe(50);
    expect(
      q('[data-field="total"] input')?.getAttribute('value') ??
        (q('[data-field="total"] input') as HTMLInputElement).value,
    ).toBe('50');
  });

  it('shows a field only while its visibleWhen holds', () => {
    mount({ entity: sampleEntity, form: sampleForm });
    expect(q('[data-field="down_reason"]')).toBeNull();
    const select = q('[data-field="status"] select') as HTMLSelectElement;
    act(() => {
      select.value = 'down';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(q('[data-field="down_reason"]')).not.toBeNull();
    expect(q('[data-field="down_reason"] .lf-required')).not.toBeNull();
  });

  it('puts server errors on their field and clears one when the field is edited', () => {
    mount({
      entity: sampleEntity,
      form: sampleForm,
      errors: [
        { path: 'values.serial_no', message: '序列号已存在' },
        { path: 'version', message: { zh: '记录已被修改', en: 'stale' } },
      ],
    });
    expect(q('[data-error-for="serial_no"]')?.textContent).toBe('序列号已存在');
    expect(q('[data-error-for="_form"]')?.textContent).toBe('记录已被修改');
    type(q('[data-field="serial_no"] input')!, 'SN-2');
    expect(q('[data-error-for="serial_no"]')).toBeNull();
  });

  it('shows client validation errors for touched fields in the chosen locale', () => {
    mount({ entity: sampleEntity, form: sampleForm, locale: 'en' });
    type(q('[data-field="interval_days"] input')!, 'abc');
    expect(latest.interval_days).toBe('abc');
    expect(q('[data-error-for="interval_days"]')?.textContent).toBe('expected an integer, got "abc"');
    expect(q('[data-error-for="serial_no"]')).toBeNull();
  });

  it('shows every client error at once with showClientErrors="all"', () => {
    mount({ entity: sampleEntity, form: sampleForm, showClientErrors: 'all' });
    expect(q('[data-error-for="serial_no"]')?.textContent).toBe('序列号不能为空');
  });

  it('disables stages the stored stage may not move to', () => {
    const entity = allTypesEntity();
    mount({
      entity,
      form: defaultFormForEntity(entity),
      existing: { f_stage: 's1' },
      initial: { f_stage: 's1' },
    });
    const buttons = [...dom.host.querySelectorAll('[data-field="f_stage"] button')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.disabled)).toEqual([false, false, true]);
  });

  it('evaluates formula fields live for display', () => {
    const entity = allTypesEntity();
    mount({ entity, form: defaultFormForEntity(entity) });
    type(q('[data-field="f_number"] input')!, '21');
    expect(q('[data-field="f_formula"] output')?.textContent).toBe('42');
  });

  it('renders everything disabled in read-only mode', () => {
    mount({ entity: sampleEntity, form: sampleForm, readOnly: true, initial: { serial_no: 'A' } });
    expect((q('[data-field="serial_no"] input') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('formatDisplayValue', () => {
  it('formats currency, options and non-finite numbers for display', async () => {
    const { formatDisplayValue } = await import('./format-display-value');
    const entity = allTypesEntity();
    const f = (name: string) => entity.fields.find((x) => x.name === name)!;
    expect(formatDisplayValue(f('f_currency'), 1234.5, 'zh-CN')).toBe('¥1,234.50');
    expect(formatDisplayValue(f('f_select'), 'b', 'en')).toBe('B');
    expect(formatDisplayValue(f('f_multiselect'), ['a', 'b'], 'zh-CN')).toBe('甲、乙');
    expect(formatDisplayValue(f('f_formula'), Number.NaN, 'zh-CN')).toBe('');
  });

  it('shows tags by their path in the tag tree, and unknown tags as stored', async () => {
    const { formatDisplayValue } = await import('./format-display-value');
    const tags = allTypesEntity().fields.find((x) => x.name === 'f_tags')!;
    const top = tags.type === 'tags' ? tags.tree[0]! : null;
    const child = top?.children?.[0];
    expect(formatDisplayValue(tags, [child?.value, 'gone'], 'en')).toBe(
      `${top?.label.en} / ${child?.label.en}, gone`,
    );
  });
});
