import { defaultFormForEntity } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { sampleEntity, sampleForm } from '../test-support/sample-entity';
import { validateForm } from './validate-form';

describe('validateForm', () => {
  it('accepts a consistent form', () => {
    expect(validateForm(sampleForm, sampleEntity)).toEqual([]);
  });

  it('names the path of each problem', () => {
    const bad = structuredClone(sampleForm);
    bad.sections[0]!.items[0]!.field = 'nope';
    bad.sections[0]!.items[1]!.widget = 'rating';
    bad.sections[0]!.items[2]!.span = 3;
    bad.sections[1]!.items[0]!.id = 'i2';
    bad.sections[1]!.tab = 't9';
    bad.sections[1]!.items[1]!.visibleWhen = { and: [{ '==': [{ var: 'ghost' }, 1] }] };
    expect(
      validateForm(bad, sampleEntity)
        .map((e) => e.path)
        .sort(),
    ).toEqual([
      'sections.0.items.0.field',
      'sections.0.items.1.widget',
      'sections.0.items.2.span',
      'sections.1.items.0.id',
      'sections.1.items.1.visibleWhen.and.0.==.0.var',
      'sections.1.tab',
    ]);
  });

  it('reports shape errors from the engine schema in both languages', () => {
    const bad = structuredClone(sampleForm) as unknown as { sections: { columns: number }[] };
    bad.sections[0]!.columns = 7;
    const errors = validateForm(bad as unknown as typeof sampleForm, sampleEntity);
    const columns = errors.find((e) => e.path === 'sections.0.columns');
    expect(columns?.message.zh).not.toBe('');
    expect(columns?.message.en).not.toBe('');
  });
});

describe('defaultFormForEntity', () => {
  it('lays out every field once, wide types across both columns', () => {
    const form = defaultFormForEntity(sampleEntity);
    const items = form.sections[0]!.items;
    expect(items.map((i) => i.field)).toEqual(sampleEntity.fields.map((f) => f.name));
    expect(items.find((i) => i.field === 'down_reason')?.span).toBe(2);
    expect(validateForm(form, sampleEntity)).toEqual([]);
  });
});
