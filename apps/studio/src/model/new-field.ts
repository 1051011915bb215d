import type { EntityDoc, Field, FieldType } from '@lattice/engine';
import { FIELD_TYPE_META } from '@lattice/form-builder';

/** A field id that is never reused: `f_` + 10 random base-36 characters. */
export function newFieldId(random: () => number = Math.random): string {
  let id = 'f_';
  for (let i = 0; i < 10; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** The first `<base>_<n>` (n from 1) that no field of the entity uses. */
export function uniqueFieldName(entity: Pick<EntityDoc, 'fields'>, base: string): string {
  const taken = new Set(entity.fields.map((f) => f.name));
  for (let n = 1; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * A new field of `type` for `entity` with valid type-specific defaults (two options for a select, a
 * reference to `referenceTarget`, a `PREFIX-{yyyy}-{0000}` autonumber, three stages…) so the draft stays
 * valid until the analyst edits the properties.
 *
 * @example newField('select', entity, { id: 'f_x' }) // { type:'select', name:'select_1', options:[…] }
 */
export function newField(
  type: FieldType,
  entity: Pick<EntityDoc, 'fields' | 'name'>,
  opts: { id?: string; referenceTarget?: string } = {},
): Field {
  const n = Number(uniqueFieldName(entity, type).slice(type.length + 1));
  const meta = FIELD_TYPE_META[type].label;
  const base = {
    id: opts.id ?? newFieldId(),
    name: uniqueFieldName(entity, type),
    label: { zh: `${meta.zh}${n}`, en: `${meta.en} ${n}` },
  };
  const option = (i: number) => ({ value: `option_${i}`, label: { zh: `选项${i}`, en: `Option ${i}` } });
  switch (type) {
    case 'select':
    case 'multiselect':
      return { ...base, type, options: [option(1), option(2)] };
    case 'reference':
      return { ...base, type, target: opts.referenceTarget ?? entity.name, onDelete: 'restrict' };
    case 'formula':
      return { ...base, type, expression: { '+': [0, 0] }, resultType: 'number' };
    case 'rollup':
      return { ...base, type, relation: { entity: '', field: '' }, aggregate: 'count' };
    case 'autonumber':
      return { ...base, type, pattern: `${entity.name.slice(0, 3).toUpperCase()}-{yyyy}-{0000}` };
    case 'rating':
      return { ...base, type, max: 5 };
    case 'tags':
      return { ...base, type, tree: [{ value: 'tag_1', label: { zh: '标签1', en: 'Tag 1' } }] };
    case 'stage':
      return {
        ...base,
        type,
        stages: [
          { value: 'new', label: { zh: '新建', en: 'New' } },
          { value: 'in_progress', label: { zh: '进行中', en: 'In progress' } },
          { value: 'done', label: { zh: '完成', en: 'Done' } },
        ],
      };
    default:
      return { ...base, type } as Field;
  }
}

/**
 * `field` retyped as `type`: keeps id, name, label, help and the common flags (required/unique/sensitive
 * where the new type can have them) and takes the new type's defaults for the rest. The server's publish
 * preview decides whether existing values survive (narrowing is refused as lossy).
 */
export function changeFieldType(
  field: Field,
  type: FieldType,
  entity: Pick<EntityDoc, 'fields' | 'name'>,
  opts: { referenceTarget?: string } = {},
): Field {
  if (field.type === type) return field;
  const fresh = newField(type, entity, { id: field.id, ...opts });
  const computed = type === 'formula' || type === 'rollup' || type === 'autonumber';
  const keep = {
    name: field.name,
    label: field.label,
    ...(field.help ? { help: field.help } : {}),
    ...(!computed && field.required ? { required: true } : {}),
    ...(!computed && field.unique ? { unique: true } : {}),
    ...(!computed && field.sensitive ? { sensitive: true } : {}),
  };
  return { ...fresh, ...keep } as Field;
}
