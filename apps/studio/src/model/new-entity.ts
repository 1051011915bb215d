import type { EntityDoc } from '@lattice/engine';
import { newFieldId } from './new-field';

/** A new entity with one required text field `name` (名称) as its title field. */
export function newEntity(
  name: string,
  label: { zh: string; en: string },
  fieldId: string = newFieldId(),
): EntityDoc {
  return {
    kind: 'entity',
    schemaVersion: 1,
    name,
    label,
    titleField: 'name',
    fields: [{ id: fieldId, name: 'name', type: 'text', required: true, label: { zh: '名称', en: 'Name' } }],
  };
}
