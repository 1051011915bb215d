import type { ErrorDetail } from '../errors';
import type { EntityDoc } from '../model/entity';
import type { Field, StageField } from '../model/field';
import { COMPUTED_FIELD_TYPES } from '../model/field-types';
import type { I18nText } from '../model/i18n-text';
import type { JsonLogic } from '../model/json-logic';
import { coerceFieldValue } from './coerce-field-value';
import { logicVars } from './evaluate-logic';
import { isEmptyValue } from './field-value-result';
import { perDocument } from './per-document';

/** One JsonLogic validation of a field, with the field names its rule reads. */
export interface PlannedValidation {
  rule: JsonLogic;
  message: I18nText;
  reads: ReadonlySet<string>;
}

/**
 * What writing a record of an entity needs to know about its fields, worked out once per entity
 * document (documents are immutable once loaded) instead of once per record: the API and imports
 * validate every row against the same entity.
 */
export interface EntityWritePlan {
  byName: ReadonlyMap<string, Field>;
  byId: ReadonlyMap<string, Field>;
  /** Create defaults already coerced (or the error the bad default gives), in field order. */
  defaults: readonly ({ name: string; value: unknown } | { name: string; error: ErrorDetail })[];
  required: readonly Field[];
  stages: readonly StageField[];
  validated: readonly { field: Field; validations: readonly PlannedValidation[] }[];
  hasFormulas: boolean;
}

export const entityWritePlan: (entity: EntityDoc) => EntityWritePlan = perDocument(planEntity);

function planEntity(entity: EntityDoc): EntityWritePlan {
  const writable = (f: Field) => !COMPUTED_FIELD_TYPES.includes(f.type);
  return {
    byName: new Map(entity.fields.map((f) => [f.name, f])),
    byId: new Map(entity.fields.map((f) => [f.id, f])),
    defaults: entity.fields
      .filter((f) => f.default !== undefined && writable(f) && !isEmptyValue(f.default))
      .map((f) => {
        const r = coerceFieldValue(f, f.default);
        return r.ok
          ? { name: f.name, value: r.value }
          : {
              name: f.name,
              error: {
                path: f.name,
                message: {
                  en: `the default value is invalid: ${r.message.en}`,
                  zh: `默认值无效：${r.message.zh}`,
                },
                reason: 'LATTICE_ERR_VALIDATION',
              },
            };
      }),
    required: entity.fields.filter((f) => f.required && writable(f)),
    stages: entity.fields.filter((f): f is StageField => f.type === 'stage'),
    validated: entity.fields
      .filter((f) => f.validations?.length)
      .map((f) => ({
        field: f,
        validations: (f.validations ?? []).map((v) => ({
          rule: v.rule,
          message: v.message,
          reads: logicVars(v.rule),
        })),
      })),
    hasFormulas: entity.fields.some((f) => f.type === 'formula'),
  };
}
