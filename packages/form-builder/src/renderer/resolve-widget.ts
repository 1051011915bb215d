import type { Field, FormItem, FormWidget } from '@lattice/engine';
import { widgetsForFieldType } from '../schema/widgets-for-field-type';

/** The concrete widget for an item: its own choice when it fits the field type, else the type's default. */
export function resolveWidget(field: Field, item: Pick<FormItem, 'widget'>): Exclude<FormWidget, 'auto'> {
  const fitting = widgetsForFieldType(field.type);
  const wanted = item.widget;
  if (wanted && wanted !== 'auto' && fitting.includes(wanted)) return wanted;
  for (const w of fitting) if (w !== 'auto') return w;
  return 'readonly';
}
