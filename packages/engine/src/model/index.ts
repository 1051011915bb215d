export type { AppDefinition, AppDocument, DocumentKind } from './app';
export { DOCUMENT_KINDS, documentsOfKind, findEntity } from './app';
export { assertNever } from './assert-never';
export type { EntityDoc, EntityIndex, SystemColumn } from './entity';
export { SCOPING_FIELD_TYPES, SYSTEM_COLUMNS } from './entity';
export type * from './field';
export type { FieldType } from './field-types';
export {
  COMPUTED_FIELD_TYPES,
  DATE_FIELD_TYPES,
  FIELD_TYPES,
  NUMERIC_FIELD_TYPES,
  TEXT_FIELD_TYPES,
} from './field-types';
export type * from './flow';
export type * from './form';
export { FORM_WIDGETS } from './form';
export type { I18nText, Locale } from './i18n-text';
export { LOCALES, pickText } from './i18n-text';
export { APP_ID_PATTERN, appSchemaName, IDENTIFIER_PATTERN, IDENTIFIER_RE, isIdentifier } from './identifier';
export type { JsonLogic } from './json-logic';
export type * from './report';
export { CHART_TYPES } from './report';
export type * from './role';
export { RECORD_RIGHTS } from './role';
export type * from './rule';
export type * from './view';
