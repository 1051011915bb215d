import { describe, expect, it } from 'vitest';
import { sampleEntity, sampleForm } from '../test-support/sample-entity';
import { applyComputedValues } from './apply-computed-values';
import { evaluateFormState } from './evaluate-form-state';
import { validateFormValues } from './validate-form-values';

describe('evaluateFormState', () => {
  it('shows and requires an item only while its condition holds', () => {
    const running = evaluateFormState(sampleEntity, sampleForm, { status: 'running' });
    expect(running.items.i5).toEqual({ visible: false, required: false, readonly: false });
    const down = evaluateFormState(sampleEntity, sampleForm, { status: 'down' });
    expect(down.items.i5).toEqual({ visible: true, required: true, readonly: false });
  });

  it('makes computed items, computed field types and readonlyWhen items read-only', () => {
    const st = evaluateFormState(sampleEntity, sampleForm, {});
    expect(st.items.i9?.readonly).toBe(true);
    expect(st.items.i12?.readonly).toBe(true);
    expect(st.items.i10?.readonly).toBe(true);
    expect(evaluateFormState(sampleEntity, sampleForm, { price: 10 }).items.i10?.readonly).toBe(false);
    expect(st.items.i1).toEqual({ visible: true, required: true, readonly: false });
  });

  it('hides the items of a hidden section', () => {
    const form = {
      ...sampleForm,
      sections: [{ ...sampleForm.sections[1]!, visibleWhen: { '==': [{ var: 'x' }, 1] } }],
    };
    const st = evaluateFormState(sampleEntity, form, {});
    expect(st.sections.s2).toBe(false);
    expect(st.items.i7?.visible).toBe(false);
  });

  it('lets conditions read the current user as $user', () => {
    const form = {
      ...sampleForm,
      sections: [
        {
          ...sampleForm.sections[0]!,
          items: [{ id: 'x', field: 'serial_no', readonlyWhen: { '!=': [{ var: '$user.role' }, 'admin'] } }],
        },
      ],
    };
    expect(evaluateFormState(sampleEntity, form, {}, { user: { role: 'sales' } }).items.x?.readonly).toBe(
      true,
    );
    expect(evaluateFormState(sampleEntity, form, {}, { user: { role: 'admin' } }).items.x?.readonly).toBe(
      false,
    );
  });
});

describe('applyComputedValues', () => {
  it('recomputes live values from their inputs', () => {
    const { values } = applyComputedValues(sampleEntity, sampleForm, { price: 12.5, qty: 4 });
    expect(values.total).toBe(50);
  });

  it('fills empty fields with defaults but never overwrites user input', () => {
    expect(applyComputedValues(sampleEntity, sampleForm, {}).values.interval_days).toBe(90);
    expect(applyComputedValues(sampleEntity, sampleForm, { interval_days: 30 }).values.interval_days).toBe(
      30,
    );
    const cleared = applyComputedValues(
      sampleEntity,
      sampleForm,
      { interval_days: null },
      { touched: new Set(['interval_days']) },
    );
    expect(cleared.values.interval_days).toBeNull();
  });

  it('returns the same object when nothing changes', () => {
    const values = { price: 2, qty: 3, total: 6, interval_days: 90 };
    expect(
      applyComputedValues(sampleEntity, sampleForm, values, { defaulted: ['interval_days'] }).values,
    ).toBe(values);
  });

  it('keeps a computed default following its inputs until the user edits it', () => {
    const form = {
      ...sampleForm,
      sections: [
        {
          ...sampleForm.sections[1]!,
          items: [
            { id: 'a', field: 'qty' },
            { id: 'b', field: 'total', defaultValue: { '*': [{ var: 'qty' }, 2] } },
          ],
        },
      ],
    };
    const first = applyComputedValues(sampleEntity, form, { qty: 1 });
    expect(first.values.total).toBe(2);
    const second = applyComputedValues(
      sampleEntity,
      form,
      { ...first.values, qty: 5 },
      { defaulted: first.defaulted },
    );
    expect(second.values.total).toBe(10);
    const edited = applyComputedValues(
      sampleEntity,
      form,
      { ...second.values, total: 7, qty: 6 },
      {
        defaulted: second.defaulted,
        touched: new Set(['total']),
      },
    );
    expect(edited.values.total).toBe(7);
  });
});

describe('validateFormValues', () => {
  it('reports required, type and JsonLogic validation errors by field name, in form order', () => {
    const errors = validateFormValues(sampleEntity, sampleForm, {
      status: 'down',
      interval_days: 'abc',
      price: 10,
      margin: 95,
    });
    expect(errors.map((e) => e.path)).toEqual(['serial_no', 'interval_days', 'down_reason', 'margin']);
    expect(errors.find((e) => e.path === 'margin')?.message).toEqual({
      zh: '毛利率过高',
      en: 'Margin too high',
    });
    expect(errors.find((e) => e.path === 'down_reason')?.message.en).toBe('This field is required');
    expect(errors.every((e) => e.message.zh !== '' && e.message.en !== '')).toBe(true);
  });

  it('skips hidden and read-only items, and values not on the form', () => {
    const errors = validateFormValues(sampleEntity, sampleForm, {
      serial_no: 'A1',
      status: 'running',
      down_reason: 42,
      total: 'x',
      id: 'r1',
      version: 3,
    });
    expect(errors).toEqual([]);
  });

  it('applies the field limits the server applies', () => {
    const errors = validateFormValues(sampleEntity, sampleForm, {
      serial_no: 'x'.repeat(21),
      interval_days: 0,
    });
    expect(errors.map((e) => e.path)).toEqual(['serial_no', 'interval_days']);
  });

  it('validates an edited stored record with update rules', () => {
    const existing = { serial_no: 'A1', status: 'running', interval_days: 30 };
    expect(validateFormValues(sampleEntity, sampleForm, existing, { existing })).toEqual([]);
    const cleared = validateFormValues(
      sampleEntity,
      sampleForm,
      { ...existing, serial_no: '' },
      { existing },
    );
    expect(cleared.map((e) => e.path)).toEqual(['serial_no']);
  });
});
