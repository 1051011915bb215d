import type { EntityDoc, Field, FieldType, FormDoc, FormItem } from '@lattice/engine';

/** Field types cycled through the 200-field benchmark form (what a real CRM form mixes). */
export const BENCH_TYPES: readonly FieldType[] = [
  'text',
  'number',
  'currency',
  'date',
  'select',
  'boolean',
  'email',
  'integer',
  'percent',
  'longtext',
];

export const FIELD_COUNT = 200;
/** The field typed into during the keystroke measurement (a text field in the middle of the form). */
export const TYPED_FIELD = 'f_100';

const options = ['A', 'B', 'C', 'D'].map((v) => ({ value: v, label: { zh: `选项${v}`, en: `Option ${v}` } }));

function fieldAt(i: number): Field {
  const type = BENCH_TYPES[i % BENCH_TYPES.length]!;
  const base = { id: `c${i}`, name: `f_${i}`, label: { zh: `字段 ${i}`, en: `Field ${i}` } };
  if (type === 'select') return { ...base, type, options };
  return { ...base, type } as Field;
}

/** 200 fields of mixed types. */
export function benchEntity(): EntityDoc {
  const fields = Array.from({ length: FIELD_COUNT }, (_, i) => fieldAt(i));
  return {
    kind: 'entity',
    schemaVersion: 1,
    name: 'bench',
    label: { zh: '基准', en: 'Bench' },
    titleField: 'f_0',
    fields,
  };
}

/**
 * The form: 10 two-column sections of 20 fields; every 10th field is visible only when the previous
 * select is not "D", and every 25th number is computed from two others — so conditions and computed
 * values are evaluated on each keystroke, as in a real form.
 */
export function benchForm(entity: EntityDoc): FormDoc {
  const items: FormItem[] = entity.fields.map((f, i) => {
    const item: FormItem = { id: `i${i}`, field: f.name };
    if (i % 10 === 9) item.visibleWhen = { '!=': [{ var: `f_${i - 5}` }, 'D'] };
    if (f.type === 'number' && i % 25 === 1)
      item.compute = { '+': [{ var: `f_${i + 1}` }, { var: `f_${i + 7}` }] };
    return item;
  });
  return {
    kind: 'form',
    schemaVersion: 1,
    name: 'bench_form',
    entity: entity.name,
    label: entity.label,
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      title: { zh: `分组 ${s + 1}`, en: `Section ${s + 1}` },
      columns: 2 as const,
      items: items.slice(s * 20, s * 20 + 20),
    })),
  };
}
