import type { EntityDoc, Field } from '@lattice/engine';
import { FIELD_TYPES } from '@lattice/engine';

const label = (n: string) => ({ zh: `字段${n}`, en: `Field ${n}` });
const options = [
  { value: 'a', label: { zh: '甲', en: 'A' } },
  { value: 'b', label: { zh: '乙', en: 'B' } },
];

/** One field of every field type, named `f_<type>`, for renderer coverage tests. */
export function allTypesEntity(): EntityDoc {
  const fields: Field[] = FIELD_TYPES.map((type, i) => {
    const base = { id: `c${i}`, name: `f_${type}`, label: label(type) };
    switch (type) {
      case 'select':
      case 'multiselect':
        return { ...base, type, options };
      case 'reference':
        return { ...base, type, target: 'customer', onDelete: 'restrict' };
      case 'formula':
        return { ...base, type, expression: { '*': [{ var: 'f_number' }, 2] }, resultType: 'number' };
      case 'rollup':
        return { ...base, type, relation: { entity: 'order', field: 'customer' }, aggregate: 'count' };
      case 'autonumber':
        return { ...base, type, pattern: 'EQ-{0000}' };
      case 'tags':
        return {
          ...base,
          type,
          tree: [{ value: 'x', label: label('x'), children: [{ value: 'y', label: label('y') }] }],
        };
      case 'stage':
        return {
          ...base,
          type,
          stages: [
            { value: 's1', label: label('s1') },
            { value: 's2', label: label('s2') },
            { value: 's3', label: label('s3') },
          ],
          transitions: { s1: ['s2'], s2: ['s3', 's1'] },
        };
      default:
        return { ...base, type } as Field;
    }
  });
  return {
    kind: 'entity',
    schemaVersion: 1,
    name: 'everything',
    label: label('all'),
    titleField: 'f_text',
    fields,
  };
}
