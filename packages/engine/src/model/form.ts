import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

/** Widgets a form item may ask for; `auto` picks the default widget for the field type. */
export const FORM_WIDGETS = [
  'auto',
  'input',
  'textarea',
  'richtext',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'switch',
  'checkbox',
  'select',
  'radio',
  'multiselect',
  'lookup',
  'user',
  'department',
  'upload',
  'image',
  'geo',
  'rating',
  'tags',
  'stage',
  'signature',
  'json',
  'readonly',
] as const;
export type FormWidget = (typeof FORM_WIDGETS)[number];

export interface FormItem {
  /** Stable id inside the form (for drag and drop and undo). */
  id: string;
  /** Field name of the form's entity. */
  field: string;
  widget?: FormWidget;
  /** Column span inside the section (1..columns). */
  span?: number;
  label?: I18nText;
  help?: I18nText;
  placeholder?: I18nText;
  visibleWhen?: JsonLogic;
  requiredWhen?: JsonLogic;
  readonlyWhen?: JsonLogic;
  /** Computed default (JsonLogic over the record and `$user`), applied when the field is empty. */
  defaultValue?: JsonLogic;
  /** Live computed value (JsonLogic), re-evaluated whenever inputs change. */
  compute?: JsonLogic;
}

export interface FormSection {
  id: string;
  title: I18nText;
  columns: 1 | 2 | 3 | 4;
  /** Tab id; sections without a tab render above the tabs. */
  tab?: string;
  collapsed?: boolean;
  visibleWhen?: JsonLogic;
  items: FormItem[];
}

export interface FormTab {
  id: string;
  title: I18nText;
}

export interface FormDoc {
  kind: 'form';
  schemaVersion: number;
  name: string;
  entity: string;
  label: I18nText;
  tabs?: FormTab[];
  sections: FormSection[];
}
