import type { EntityDoc } from '@lattice/engine';
import { FIELD_TYPES, validateDocument } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { changeFieldType, newField, newFieldId, uniqueFieldName } from './new-field';

const entity: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'equipment_ledger',
  label: { zh: '设备台账', en: 'Equipment ledger' },
  titleField: 'text_1',
  fields: [{ id: 'f_a', name: 'text_1', type: 'text', label: { zh: '文本1', en: 'Text 1' } }],
};

describe('newField', () => {
  it('names a field after its type with the first free number', () => {
    expect(uniqueFieldName(entity, 'text')).toBe('text_2');
    expect(newField('date', entity, { id: 'f_b' })).toMatchObject({
      id: 'f_b',
      name: 'date_1',
      type: 'date',
    });
  });

  it('gives every field type defaults the entity schema accepts', () => {
    const fields = FIELD_TYPES.filter((t) => t !== 'rollup').map((type, i) =>
      newField(type, entity, { id: `f_${i}`, referenceTarget: 'equipment_ledger' }),
    );
    const doc: EntityDoc = { ...entity, fields: [...entity.fields, ...fields] };
    expect(validateDocument(doc)).toEqual([]);
  });

  it('makes ids of f_ and ten base-36 characters', () => {
    expect(newFieldId()).toMatch(/^f_[0-9a-z]{10}$/);
  });

  it('retypes a field keeping its id, name, label and flags', () => {
    const text = {
      id: 'f_t',
      name: 'grade',
      type: 'text' as const,
      required: true,
      label: { zh: '等级', en: 'Grade' },
    };
    const select = changeFieldType(text, 'select', entity);
    expect(select).toMatchObject({
      id: 'f_t',
      name: 'grade',
      type: 'select',
      required: true,
      label: text.label,
    });
    expect(select.type === 'select' && select.options.length).toBe(2);
    expect(changeFieldType(text, 'formula', entity)).not.toHaveProperty('required');
    expect(changeFieldType(text, 'text', entity)).toBe(text);
  });
});
