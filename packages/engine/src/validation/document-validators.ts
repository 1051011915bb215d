import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DocumentKind } from '../model/app';
import { APP_SCHEMA, DOCUMENT_ENVELOPE_SCHEMA } from './schemas/app-schema';
import { type JsonSchema, withCommonDefs } from './schemas/common-schema';
import { DASHBOARD_SCHEMA } from './schemas/dashboard-schema';
import { ENTITY_SCHEMA } from './schemas/entity-schema';
import { FLOW_SCHEMA } from './schemas/flow-schema';
import { FORM_SCHEMA } from './schemas/form-schema';
import { REPORT_SCHEMA } from './schemas/report-schema';
import { ROLE_SCHEMA } from './schemas/role-schema';
import { RULE_SCHEMA } from './schemas/rule-schema';
import { VIEW_SCHEMA } from './schemas/view-schema';

/** The JSON Schema of every document kind; a `Record` so a new kind fails to compile until it has one. */
export const DOCUMENT_SCHEMAS: Readonly<Record<DocumentKind, JsonSchema>> = {
  entity: withCommonDefs(ENTITY_SCHEMA),
  form: withCommonDefs(FORM_SCHEMA),
  view: withCommonDefs(VIEW_SCHEMA),
  rule: withCommonDefs(RULE_SCHEMA),
  flow: withCommonDefs(FLOW_SCHEMA),
  report: withCommonDefs(REPORT_SCHEMA),
  dashboard: withCommonDefs(DASHBOARD_SCHEMA),
  role: withCommonDefs(ROLE_SCHEMA),
};

/** The app envelope schema, self-contained. */
export const APP_DEFINITION_SCHEMA: JsonSchema = withCommonDefs(APP_SCHEMA);

type SchemaKey = DocumentKind | 'app' | 'envelope';

let ajv: Ajv | undefined;
const compiled = new Map<SchemaKey, ValidateFunction>();

/**
 * The compiled validator for a schema, compiled on first use and kept for the life of the module
 * (compiling costs milliseconds; validating a document costs microseconds).
 */
export function documentValidator(key: SchemaKey): ValidateFunction {
  const hit = compiled.get(key);
  if (hit) return hit;
  // verbose: the formatter needs the offending value and the parent schema (union tags) for messages.
  ajv ??= addFormats(
    new Ajv({
      allErrors: true,
      discriminator: true,
      verbose: true,
      strict: true,
      allowUnionTypes: true,
      inlineRefs: false,
    }),
  );
  const schema =
    key === 'app'
      ? APP_DEFINITION_SCHEMA
      : key === 'envelope'
        ? DOCUMENT_ENVELOPE_SCHEMA
        : DOCUMENT_SCHEMAS[key];
  const fn = ajv.compile(schema);
  compiled.set(key, fn);
  return fn;
}
