/** Every field type of DESIGN §1, in palette order. */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'richtext',
  'number',
  'integer',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'email',
  'phone',
  'url',
  'reference',
  'user',
  'department',
  'file',
  'image',
  'geo',
  'formula',
  'rollup',
  'autonumber',
  'rating',
  'tags',
  'stage',
  'signature',
  'json',
  'notes',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Field types whose value is computed by the engine and never written by a client. */
export const COMPUTED_FIELD_TYPES: readonly FieldType[] = ['formula', 'rollup', 'autonumber'];

/** Types a client can filter/sort on as plain scalars. */
export const NUMERIC_FIELD_TYPES: readonly FieldType[] = [
  'number',
  'integer',
  'currency',
  'percent',
  'rating',
];
export const TEXT_FIELD_TYPES: readonly FieldType[] = [
  'text',
  'longtext',
  'richtext',
  'email',
  'phone',
  'url',
  'autonumber',
];
export const DATE_FIELD_TYPES: readonly FieldType[] = ['date', 'datetime'];
