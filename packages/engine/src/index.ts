/**
 * @lattice/engine — the pure core: metadata model, validation, expressions, record rules and errors.
 * Browser-safe: nothing here touches I/O. Storage (PostgreSQL via kysely) is `@lattice/engine/storage`.
 *
 * Named exports only; each block below belongs to one folder of the engine.
 */

// errors
export type { ErrorBody, ErrorCode, ErrorDetail } from './errors';
export { ERROR_CODES, isLatticeError, LatticeError, latticeError } from './errors';
// expr (JsonLogic compiler)
export type { CompiledLogic, CompileJsonLogicOptions } from './expr/compile-json-logic';
export { compileJsonLogic } from './expr/compile-json-logic';
export type { Arity, ExtraOperator, JsonLogicOperator, StandardOperator } from './expr/json-logic-operators';
export {
  EXTRA_OPERATORS,
  isJsonLogicOperator,
  JSON_LOGIC_OPERATORS,
  OPERATOR_ARITY,
  STANDARD_OPERATORS,
} from './expr/json-logic-operators';
export { truthy as jsonLogicTruthy } from './expr/standard-helpers';
export { validateJsonLogic } from './expr/validate-json-logic';
export { formatErrorDetail } from './i18n/format-error-detail';
export type { MessageParams, ValidationMessageKey } from './i18n/validation-messages';
export { formatValidationMessage, VALIDATION_MESSAGES } from './i18n/validation-messages';
// validation (document schemas)
export { defaultFormForEntity } from './model/defaults/default-form-for-entity';
export { defaultListView } from './model/defaults/default-list-view';
export { defaultRecordPage } from './model/defaults/default-record-page';
// model
export type {
  AppDefinition,
  AppDocument,
  ApprovalMode,
  ApprovalOutcome,
  ApproverSpec,
  AutonumberField,
  BooleanField,
  CalendarView,
  ChartSpec,
  ChartType,
  CurrencyField,
  DashboardDoc,
  DashboardFilter,
  DashboardTile,
  Dataset,
  DateBucket,
  DateField,
  DateTimeField,
  DepartmentField,
  Dimension,
  DocumentKind,
  Duration,
  EmailField,
  EntityDoc,
  EntityIndex,
  EntityPermission,
  Field,
  FieldType,
  FieldValidation,
  FileField,
  FileRef,
  FlowDoc,
  FlowNode,
  FlowNodeType,
  FormDoc,
  FormItem,
  FormSection,
  FormTab,
  FormulaField,
  FormulaResultType,
  FormWidget,
  GeoField,
  GeoValue,
  I18nText,
  ImageField,
  IntegerField,
  JsonField,
  JsonLogic,
  KanbanView,
  KpiCard,
  ListView,
  Locale,
  LongTextField,
  Measure,
  MultiSelectField,
  NodeTimeout,
  NotesField,
  NumberField,
  OnDeleteRule,
  PercentField,
  PhoneField,
  PrivateNote,
  RatingField,
  Recipient,
  RecordPageSection,
  RecordPageView,
  RecordRight,
  RecordScope,
  ReferenceField,
  ReportDoc,
  RichTextField,
  RoleDoc,
  RollupAggregate,
  RollupField,
  RuleAction,
  RuleActionType,
  RuleDoc,
  RuleTrigger,
  RuleTriggerType,
  SelectField,
  SelectOption,
  SignatureField,
  SortSpec,
  StageDef,
  StageField,
  SystemColumn,
  TagNode,
  TagsField,
  TextField,
  UrlField,
  UserField,
  ValueMap,
  ViewDoc,
} from './model/index';
export {
  APP_ID_PATTERN,
  appSchemaName,
  assertNever,
  CHART_TYPES,
  COMPUTED_FIELD_TYPES,
  DATE_FIELD_TYPES,
  DOCUMENT_KINDS,
  documentsOfKind,
  FIELD_TYPES,
  FORM_WIDGETS,
  findEntity,
  IDENTIFIER_PATTERN,
  IDENTIFIER_RE,
  isIdentifier,
  LOCALES,
  NUMERIC_FIELD_TYPES,
  pickText,
  RECORD_RIGHTS,
  SCOPING_FIELD_TYPES,
  SYSTEM_COLUMNS,
  TEXT_FIELD_TYPES,
} from './model/index';
// pack and seed
export { canonicalJson } from './pack/canonical-json';
export { checkPackUpgrade } from './pack/check-pack-upgrade';
export { checkReferenceSeed } from './pack/check-reference-seed';
export type { PackUpgradeChange, PackUpgradePlan } from './pack/diff-pack-versions';
export { diffPackVersions } from './pack/diff-pack-versions';
export { ENGINE_VERSION } from './pack/engine-version';
export type { ExportPackExtras } from './pack/export-app-as-pack';
export { exportAppAsPack } from './pack/export-app-as-pack';
export type { LoadedPack, LoadPackOptions } from './pack/load-pack-from-files';
export { loadPackFromFiles } from './pack/load-pack-from-files';
export type { PackBundle } from './pack/pack-bundle';
export { buildPackBundle, packContentHash, readPackBundle } from './pack/pack-bundle';
export { PACK_DOCUMENT_FOLDERS, packFolderOf } from './pack/pack-folders';
export type { PackManifest } from './pack/pack-manifest';
export { PACK_MANIFEST_SCHEMA } from './pack/pack-manifest';
export { referenceRecordKey, referenceSeedKeys } from './pack/reference-record-key';
export { satisfiesEngineRange } from './pack/satisfies-engine-range';
export type { Semver } from './pack/semver';
export { compareSemver, parseSemver } from './pack/semver';
export { validatePackManifest } from './pack/validate-pack-manifest';
export type { CompileFilterOptions, FilterOperator } from './query/compile-filter';
export { compileFilter, FILTER_OPERATORS, validateFilter } from './query/compile-filter';
export { escapeLike } from './query/escape-like';
export type { CursorValue, DecodeCursorOptions, KeysetSortKey } from './query/keyset';
export { decodeCursor, encodeCursor, keysetOrderBy, keysetPredicate } from './query/keyset';
export type { RelativeDateUnit } from './query/relative-date';
export { RELATIVE_DATE_UNITS, resolveRelativeDate } from './query/relative-date';
export type { ColumnResolver, ResolvedColumn } from './query/resolve-filter-column';
export { createColumnResolver, SYSTEM_COLUMN_TYPES } from './query/resolve-filter-column';
export type { CompileSearchOptions } from './query/search';
export { compileSearch, searchFields } from './query/search';
export { coerceFieldValue } from './records/coerce-field-value';
export type { CoerceRecordOptions, CoerceRecordResult } from './records/coerce-record-input';
export { coerceRecordInput } from './records/coerce-record-input';
// records (pure value coercion, formulas) and query (filter → SQL expression)
export type { ColumnType } from './records/column-type-for';
export { COLUMN_TYPES, columnNameFor, columnTypeFor } from './records/column-type-for';
export { castFormulaResult, computeFormulas } from './records/compute-formulas';
export { creditCodeCheckChar, generateCreditCode, isValidCreditCode } from './records/credit-code';
export type { EvaluateLogicOptions } from './records/evaluate-logic';
export { evaluateLogic, logicVars } from './records/evaluate-logic';
export type { FieldValueResult } from './records/field-value-result';
export { isEmptyValue } from './records/field-value-result';
export { fileRefsOf } from './records/file-refs-of';
export { autonumberPeriodKey, formatAutonumber } from './records/format-autonumber';
export type { FormulaOrder } from './records/formula-order';
export { formulaOrder } from './records/formula-order';
export { toApiRecord, toColumnValues } from './records/to-api-record';
// security (roles → rights, scopes, field permissions, masking)
export { checkJoinedQueryFields } from './security/check-joined-query-fields';
export { checkQueryFields, queryableEntity } from './security/check-query-fields';
export type { FieldVisibility } from './security/field-access';
export {
  canReveal,
  checkWriteInput,
  fieldVisibility,
  redactRecord,
  SCOPING_COLUMNS,
  visibleFields,
} from './security/field-access';
export { maskValue } from './security/mask-value';
export type { EntityAccess, FieldRestriction } from './security/resolve-entity-access';
export { hasRight, resolveEntityAccess, roleDocs, SUPER_ROLE } from './security/resolve-entity-access';
export type { ScopeUser } from './security/scope-filter';
export { bindUserVars, NO_RECORDS, scopeFilter } from './security/scope-filter';
export type { Rng } from './seed/create-rng';
export { createRng } from './seed/create-rng';
export { DEFAULT_POOLS } from './seed/default-pools';
export type { GenerateSeedOptions } from './seed/generate-seed-data';
export { generateSeedData } from './seed/generate-seed-data';
export type {
  DateAnchor,
  FieldGen,
  SeedBatch,
  SeedEntitySpec,
  SeedPools,
  SeedRecord,
  SeedSpec,
  SeedUser,
} from './seed/seed-spec';
export { assertValidApp } from './validation/assert-valid-app';
export { APP_DEFINITION_SCHEMA, DOCUMENT_SCHEMAS } from './validation/document-validators';
export type { JsonSchema } from './validation/schemas/common-schema';
export { validateAppDefinition } from './validation/validate-app-definition';
export { validateDocument } from './validation/validate-document';
