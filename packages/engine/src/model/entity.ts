import type { Field } from './field';
import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

/** Columns every entity table has; field ids may not take these names except the scoping trio below. */
export const SYSTEM_COLUMNS = [
  'id',
  'app_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
  'owner',
  'region',
  'department',
  'deleted_at',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/**
 * `owner`, `region` and `department` are system columns used for record scoping. An entity may declare a
 * field with one of these ids to give it a label and options; it then maps onto the system column.
 */
export const SCOPING_FIELD_TYPES: Readonly<Record<'owner' | 'region' | 'department', readonly string[]>> = {
  owner: ['user'],
  region: ['select', 'text'],
  department: ['department'],
};

export interface EntityIndex {
  fields: string[];
  unique?: boolean;
}

export interface EntityDoc {
  kind: 'entity';
  schemaVersion: number;
  /** API name and table name (snake_case). */
  name: string;
  label: I18nText;
  pluralLabel?: I18nText;
  description?: I18nText;
  icon?: string;
  fields: Field[];
  /** Field name shown as the record's title in lookups and lists. */
  titleField: string;
  indexes?: EntityIndex[];
  /** Multi-field unique keys (field names). */
  uniqueKeys?: string[][];
  /** Fields searched by `q`; defaults to the text fields. */
  searchFields?: string[];
  /** Extra per-entity record permission filter (JsonLogic over record and `$user`). */
  recordPermissions?: JsonLogic;
}
