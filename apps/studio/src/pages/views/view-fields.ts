import type { EntityDoc } from '@lattice/engine';
import { label } from '../../lib/i18n';

/** System columns a list may show besides the entity's fields. */
const SYSTEM_COLUMNS = [
  { value: 'created_at', label: { zh: '创建时间', en: 'Created' } },
  { value: 'updated_at', label: { zh: '更新时间', en: 'Updated' } },
];

/** The entity's fields (and optionally created/updated) as value/label options in the UI language. */
export function fieldOptions(entity: EntityDoc, withSystem = false): { value: string; label: string }[] {
  const fields = entity.fields.map((f) => ({ value: f.name, label: label(f.label) || f.name }));
  return withSystem
    ? [...fields, ...SYSTEM_COLUMNS.map((c) => ({ value: c.value, label: label(c.label) }))]
    : fields;
}
