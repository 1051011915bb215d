import type { FieldType, FormWidget } from '@lattice/engine';
import { assertNever } from '@lattice/engine';

/**
 * The widgets that can edit a field type, the default first (what `auto` means). Every type also
 * accepts `readonly` (display only).
 */
export function widgetsForFieldType(type: FieldType): readonly FormWidget[] {
  return ['auto', ...ownWidgets(type), 'readonly'];
}

function ownWidgets(type: FieldType): FormWidget[] {
  switch (type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      return ['input', 'textarea'];
    case 'longtext':
      return ['textarea', 'input', 'richtext'];
    case 'richtext':
      return ['richtext', 'textarea'];
    case 'number':
    case 'integer':
      return ['number'];
    case 'currency':
      return ['money', 'number'];
    case 'percent':
      return ['percent', 'number'];
    case 'date':
      return ['date'];
    case 'datetime':
      return ['datetime'];
    case 'boolean':
      return ['switch', 'checkbox'];
    case 'select':
      return ['select', 'radio'];
    case 'multiselect':
      return ['multiselect', 'checkbox'];
    case 'reference':
      return ['lookup'];
    case 'user':
      return ['user'];
    case 'department':
      return ['department'];
    case 'file':
      return ['upload'];
    case 'image':
      return ['image', 'upload'];
    case 'geo':
      return ['geo'];
    case 'rating':
      return ['rating', 'number'];
    case 'tags':
      return ['tags'];
    case 'stage':
      return ['stage', 'select'];
    case 'signature':
      return ['signature'];
    case 'json':
      return ['json', 'textarea'];
    case 'formula':
    case 'rollup':
    case 'autonumber':
    case 'notes':
      return [];
    default:
      return assertNever(type, 'field type');
  }
}
