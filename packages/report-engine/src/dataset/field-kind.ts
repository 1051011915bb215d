import type { Field } from '@lattice/engine';
import { assertNever } from '@lattice/engine';

/** How a report treats a column: what it may be bucketed, summed or grouped by. */
export const VALUE_KINDS = ['number', 'string', 'date', 'datetime', 'boolean', 'array', 'opaque'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/**
 * The report value kind of a field. `array` (multiselect/tags) and `opaque` (json, files, rollups…) can be
 * filtered but not grouped or aggregated; rollups have no column at all, so they are opaque here.
 */
export function fieldValueKind(field: Field): ValueKind {
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent':
    case 'rating':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'text':
    case 'longtext':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url':
    case 'select':
    case 'user':
    case 'department':
    case 'autonumber':
    case 'stage':
    case 'reference':
      return 'string';
    case 'multiselect':
    case 'tags':
      return 'array';
    case 'formula':
      return field.resultType === 'text' ? 'string' : field.resultType;
    case 'file':
    case 'image':
    case 'geo':
    case 'json':
    case 'notes':
    case 'signature':
    case 'rollup':
      return 'opaque';
    default:
      return assertNever(field, 'field type');
  }
}
