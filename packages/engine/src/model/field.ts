import type { FieldType } from './field-types';
import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

/** A JsonLogic validation: when `rule` evaluates falsy against the record, `message` is reported. */
export interface FieldValidation {
  rule: JsonLogic;
  message: I18nText;
}

export interface SelectOption {
  value: string;
  label: I18nText;
  color?: string;
}

export interface TagNode {
  value: string;
  label: I18nText;
  children?: TagNode[];
}

export interface StageDef {
  value: string;
  label: I18nText;
  color?: string;
  /** Field names that must be non-empty before a record may leave this stage (e.g. a deliverable upload). */
  requiredToLeave?: string[];
}

interface FieldBase<T extends FieldType> {
  type: T;
  /** Stable id, never reused; it is also the column name, so renaming `name` moves no data. */
  id: string;
  /** API name (snake_case), unique within the entity. */
  name: string;
  label: I18nText;
  required?: boolean;
  unique?: boolean;
  default?: unknown;
  validations?: FieldValidation[];
  /** Encrypted at rest and masked unless the role may see it. */
  sensitive?: boolean;
  help?: I18nText;
  /** Computed values and system fields are read-only for clients. */
  readonly?: boolean;
}

export type TextField = FieldBase<'text'> & { maxLength?: number; pattern?: string };
export type LongTextField = FieldBase<'longtext'> & { maxLength?: number };
export type RichTextField = FieldBase<'richtext'>;
export type NumberField = FieldBase<'number'> & { min?: number; max?: number; precision?: number };
export type IntegerField = FieldBase<'integer'> & { min?: number; max?: number };
export type CurrencyField = FieldBase<'currency'> & { currency?: string; min?: number; max?: number };
export type PercentField = FieldBase<'percent'> & { min?: number; max?: number };
export type DateField = FieldBase<'date'>;
export type DateTimeField = FieldBase<'datetime'>;
export type BooleanField = FieldBase<'boolean'>;
export type SelectField = FieldBase<'select'> & { options: SelectOption[] };
export type MultiSelectField = FieldBase<'multiselect'> & {
  options: SelectOption[];
  /** Accept values outside `options` (open lists such as the part numbers an ECN affects). */
  allowCustom?: boolean;
};
export type EmailField = FieldBase<'email'>;
export type PhoneField = FieldBase<'phone'>;
export type UrlField = FieldBase<'url'>;
export type OnDeleteRule = 'restrict' | 'cascade' | 'set_null';
export type ReferenceField = FieldBase<'reference'> & { target: string; onDelete: OnDeleteRule };
export type UserField = FieldBase<'user'>;
export type DepartmentField = FieldBase<'department'>;
export type FileField = FieldBase<'file'> & { multiple?: boolean; accept?: string[]; maxSizeMb?: number };
export type ImageField = FieldBase<'image'> & { multiple?: boolean; maxSizeMb?: number };
export type GeoField = FieldBase<'geo'>;
export type FormulaResultType = 'number' | 'text' | 'boolean' | 'date';
export type FormulaField = FieldBase<'formula'> & { expression: JsonLogic; resultType: FormulaResultType };
export type RollupAggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';
export type RollupField = FieldBase<'rollup'> & {
  /** The child entity and its reference field pointing back at this entity. */
  relation: { entity: string; field: string };
  aggregate: RollupAggregate;
  /** Child field aggregated (not needed for count). */
  measure?: string;
  /** JsonLogic filter (query subset) over child records. */
  filter?: JsonLogic;
};
export type AutonumberField = FieldBase<'autonumber'> & { pattern: string };
export type RatingField = FieldBase<'rating'> & { max?: number };
export type TagsField = FieldBase<'tags'> & { tree: TagNode[] };
export type StageField = FieldBase<'stage'> & {
  stages: StageDef[];
  /** from stage → allowed next stages; when absent, any move is allowed. */
  transitions?: Record<string, string[]>;
};
export type SignatureField = FieldBase<'signature'>;
export type JsonField = FieldBase<'json'>;
/** Private notes: each note is visible only to its author. */
export type NotesField = FieldBase<'notes'>;

/** A field definition; `type` discriminates. */
export type Field =
  | TextField
  | LongTextField
  | RichTextField
  | NumberField
  | IntegerField
  | CurrencyField
  | PercentField
  | DateField
  | DateTimeField
  | BooleanField
  | SelectField
  | MultiSelectField
  | EmailField
  | PhoneField
  | UrlField
  | ReferenceField
  | UserField
  | DepartmentField
  | FileField
  | ImageField
  | GeoField
  | FormulaField
  | RollupField
  | AutonumberField
  | RatingField
  | TagsField
  | StageField
  | SignatureField
  | JsonField
  | NotesField;

/** Value shapes for structured types. */
export interface GeoValue {
  lat: number;
  lng: number;
  address?: string;
}
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}
export interface PrivateNote {
  author: string;
  text: string;
  at: string;
}
