// @vitest-environment happy-dom
import type { FileRef } from '@lattice/engine';
import { defaultFormForEntity } from '@lattice/engine';
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allTypesEntity } from '../../test-support/all-types-entity';
import { reactHostPerTest } from '../../test-support/react-host';
import type { FormRendererProps } from '../form-renderer';
import { FormRenderer } from '../form-renderer';
import { parseNumberInput } from './parse-number-input';
import { sanitizeRichText } from './sanitize-rich-text';
import { TYPE_AHEAD_DEBOUNCE_MS } from './type-ahead';

const dom = reactHostPerTest();

const entity = allTypesEntity();
const form = defaultFormForEntity(entity);
let latest: Record<string, unknown>;

beforeEach(() => {
  latest = {};
});
afterEach(() => {
  vi.useRealTimers();
});

function Harness(p: Partial<FormRendererProps> & { initial?: Record<string, unknown> }) {
  const [value, setValue] = useState<Record<string, unknown>>(p.initial ?? {});
  return (
    <FormRenderer
      entity={entity}
      form={form}
      {...p}
      value={value}
      onChange={(v) => {
        latest = v;
        setValue(v);
      }}
    />
  );
}
const mount = (p: Parameters<typeof Harness>[0] = {}) => act(() => dom.root.render(<Harness {...p} />));
const q = (sel: string) => dom.host.querySelector(sel) as HTMLElement | null;
const qa = (sel: string) => [...dom.host.querySelectorAll(sel)] as HTMLElement[];
function type(el: Element | null, text: string) {
  const input = el as HTMLInputElement;
  const proto = input.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const key = (el: Element | null, k: string) =>
  act(() => {
    el!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('parseNumberInput', () => {
  it('reads separators, currency signs and full-width digits, and keeps non-numbers as text', () => {
    expect(parseNumberInput('1,234.5')).toBe(1234.5);
    expect(parseNumberInput('¥ 12')).toBe(12);
    expect(parseNumberInput('１２．５')).toBe(12.5);
    expect(parseNumberInput('15%')).toBe(15);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('12a')).toBe('12a');
  });
});

describe('sanitizeRichText', () => {
  it('keeps formatting tags and drops scripts and attributes', () => {
    const html =
      '<b onclick="x()">粗</b><script>alert(1)</script><a href="javascript:x">链</a><ul><li>一</li></ul>';
    expect(sanitizeRichText(html)).toBe('<b>粗</b>链<ul><li>一</li></ul>');
  });
});

describe('widgets', () => {
  it('searches references after the debounce, navigates with the keyboard and shows the title', async () => {
    vi.useFakeTimers();
    const search = vi.fn(async (_entity: string, q: string) =>
      [
        { id: 'c1', title: '华东精密' },
        { id: 'c2', title: '华南电子' },
      ].filter((c) => c.title.includes(q)),
    );
    mount({ lookup: { search } });
    const input = q('[data-field="f_reference"] input') as HTMLInputElement;
    act(() => input.focus());
    type(input, '华');
    expect(search).not.toHaveBeenCalledWith('customer', '华');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TYPE_AHEAD_DEBOUNCE_MS);
    });
    expect(search).toHaveBeenLastCalledWith('customer', '华');
    expect(qa('[data-field="f_reference"] [role="option"]').map((o) => o.textContent)).toEqual([
      '华东精密',
      '华南电子',
    ]);
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(latest.f_reference).toBe('c2');
    expect(input.value).toBe('华南电子');
  });

  it('resolves the title of a stored reference id', async () => {
    const resolve = vi.fn(async (_e: string, id: string) => ({ id, title: '苏州博远' }));
    await act(async () => {
      dom.root.render(
        <Harness lookup={{ search: async () => [], resolve }} initial={{ f_reference: 'c9' }} />,
      );
    });
    expect(resolve).toHaveBeenCalledWith('customer', 'c9');
    expect((q('[data-field="f_reference"] input') as HTMLInputElement).value).toBe('苏州博远');
  });

  it('picks users from a plain list', async () => {
    vi.useFakeTimers();
    mount({
      users: [
        { id: 'u1', title: '张三' },
        { id: 'u2', title: '李四' },
      ],
    });
    const input = q('[data-field="f_user"] input') as HTMLInputElement;
    act(() => input.focus());
    type(input, '李');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TYPE_AHEAD_DEBOUNCE_MS);
    });
    key(input, 'Enter');
    expect(latest.f_user).toBe('u2');
  });

  it('uploads files through the uploader and lists them', async () => {
    const ref: FileRef = { id: 'file1', name: '图纸.pdf', size: 2048, mime: 'application/pdf' };
    const upload = vi.fn(async () => ref);
    mount({ uploader: { upload } });
    const input = q('[data-field="f_file"] input[type="file"]') as HTMLInputElement;
    const file = new File(['x'], '图纸.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(upload).toHaveBeenCalledWith(file, { field: 'f_file' });
    expect(latest.f_file).toEqual(ref);
    expect(q('[data-field="f_file"] .lf-files')?.textContent).toContain('图纸.pdf');
  });

  it('adds a private note with the current user and the injected clock', () => {
    mount({ currentUser: { id: 'u7' }, now: () => new Date('2026-03-01T08:00:00Z') });
    type(q('[data-field="f_notes"] textarea'), '客户关注交期');
    act(() => (q('[data-field="f_notes"] .lf-notes-add button') as HTMLButtonElement).click());
    expect(latest.f_notes).toEqual([{ author: 'u7', text: '客户关注交期', at: '2026-03-01T08:00:00.000Z' }]);
  });

  it('parses JSON and reports a parse error without emitting it', () => {
    mount();
    const area = q('[data-field="f_json"] textarea');
    type(area, '{"a": 1}');
    expect(latest.f_json).toEqual({ a: 1 });
    type(area, '{"a": ');
    expect(latest.f_json).toEqual({ a: 1 });
    expect(q('[data-field="f_json"] .lf-error')?.textContent).toContain('JSON');
  });

  it('toggles multiselect chips and tag-tree checkboxes in option order', () => {
    mount();
    const chips = qa('[data-field="f_multiselect"] input');
    act(() => chips[1]!.click());
    act(() => chips[0]!.click());
    expect(latest.f_multiselect).toEqual(['a', 'b']);
    const tags = qa('[data-field="f_tags"] input');
    act(() => tags[1]!.click());
    act(() => tags[0]!.click());
    expect(latest.f_tags).toEqual(['x', 'y']);
    act(() => tags[1]!.click());
    act(() => tags[0]!.click());
    expect(latest.f_tags).toBeNull();
  });

  it('reads latitude and longitude as numbers next to the address', () => {
    mount();
    const inputs = qa('[data-field="f_geo"] input');
    type(inputs[0]!, '苏州工业园区');
    type(inputs[1]!, '31.3');
    type(inputs[2]!, '120.6');
    expect(latest.f_geo).toEqual({ address: '苏州工业园区', lat: 31.3, lng: 120.6 });
  });

  it('sets and clears a star rating', () => {
    mount();
    const stars = qa('[data-field="f_rating"] button');
    expect(stars).toHaveLength(5);
    act(() => stars[3]!.click());
    expect(latest.f_rating).toBe(4);
    act(() => stars[3]!.click());
    expect(latest.f_rating).toBeNull();
  });

  it('formats currency on blur and shows the raw number while editing', () => {
    mount();
    const input = q('[data-field="f_currency"] input') as HTMLInputElement;
    act(() => input.focus());
    type(input, '1234567.5');
    expect(latest.f_currency).toBe(1234567.5);
    act(() => input.blur());
    expect(input.value).toBe('¥1,234,567.50');
  });

  it('flips the boolean switch', () => {
    mount();
    const sw = q('[data-field="f_boolean"] [role="switch"]') as HTMLButtonElement;
    act(() => sw.click());
    expect(latest.f_boolean).toBe(true);
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });
});
