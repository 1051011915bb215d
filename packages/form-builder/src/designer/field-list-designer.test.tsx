// @vitest-environment happy-dom
import type { FieldType } from '@lattice/engine';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactHostPerTest } from '../test-support/react-host';
import { sampleEntity } from '../test-support/sample-entity';
import { FieldListDesigner, resolveFieldListDrop } from './field-list-designer';

const dom = reactHostPerTest();

const fields = sampleEntity.fields.slice(0, 3);

describe('resolveFieldListDrop', () => {
  it('inserts before the row dropped on, or appends when dropped on the list', () => {
    expect(resolveFieldListDrop(fields, 'f2')).toBe(1);
    expect(resolveFieldListDrop(fields, 'field-list')).toBe(3);
    expect(resolveFieldListDrop(fields, 'elsewhere')).toBeNull();
    expect(resolveFieldListDrop(fields, null)).toBeNull();
  });
});

describe('FieldListDesigner', () => {
  it('lists the fields, selects on click and appends a type picked from the palette', () => {
    const onAddField = vi.fn<(t: FieldType, i: number) => void>();
    const onSelect = vi.fn();
    act(() =>
      dom.root.render(
        <FieldListDesigner fields={fields} onAddField={onAddField} onMoveField={() => {}} onSelect={onSelect}>
          <p id="props">props</p>
        </FieldListDesigner>,
      ),
    );
    expect(
      [...dom.host.querySelectorAll('[data-field-row]')].map((r) => r.getAttribute('data-field-row')),
    ).toEqual(['serial_no', 'installed_on', 'interval_days']);
    act(() => (dom.host.querySelector('[data-field-row="installed_on"]') as HTMLElement).click());
    expect(onSelect).toHaveBeenCalledWith('f2');
    act(() => {
      dom.host
        .querySelector('[data-palette-item="palette-type-reference"]')!
        .dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    });
    expect(onAddField).toHaveBeenCalledWith('reference', 3);
    expect(dom.host.querySelector('#props')).not.toBeNull();
  });
});
