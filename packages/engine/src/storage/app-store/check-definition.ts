import type { ErrorDetail } from '../../errors';
import type { AppDefinition } from '../../model/app';
import { SCOPING_FIELD_TYPES, SYSTEM_COLUMNS } from '../../model/entity';
import { FIELD_TYPES } from '../../model/field-types';
import type { I18nText } from '../../model/i18n-text';
import { APP_ID_PATTERN, isIdentifier } from '../../model/identifier';

const APP_ID_RE = new RegExp(APP_ID_PATTERN);
const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_COLUMNS);

/**
 * The checks storage cannot live without, run before any SQL: identifiers, duplicates, field types,
 * system-column clashes and reference targets. Complements the full schema validation.
 */
export function checkDefinition(def: AppDefinition): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const err = (path: string, en: string, zh: string) =>
    errors.push({ path, message: { zh, en }, reason: 'storage' });
  if (typeof def?.id !== 'string' || !APP_ID_RE.test(def.id)) {
    err('id', `expected an app id matching ${APP_ID_PATTERN}`, `应用标识须匹配 ${APP_ID_PATTERN}`);
  }
  if (!Array.isArray(def?.documents)) {
    err('documents', 'expected an array of documents', '应为文档数组');
    return errors;
  }
  const entityNames = new Set<string>();
  def.documents.forEach((doc, i) => {
    if (doc?.kind !== 'entity') return;
    const p = `documents.${i}`;
    if (!isIdent(doc.name)) err(`${p}.name`, badIdent(doc.name).en, badIdent(doc.name).zh);
    else if (entityNames.has(doc.name))
      err(`${p}.name`, `duplicate entity "${doc.name}"`, `实体名重复："${doc.name}"`);
    entityNames.add(doc.name);
  });
  def.documents.forEach((doc, i) => {
    if (doc?.kind !== 'entity') return;
    if (!Array.isArray(doc.fields)) {
      err(`documents.${i}.fields`, 'expected an array of fields', '应为字段数组');
      return;
    }
    const ids = new Set<string>();
    const names = new Set<string>();
    doc.fields.forEach((f, j) => {
      const p = `documents.${i}.fields.${j}`;
      if (!isIdent(f?.id)) err(`${p}.id`, badIdent(f?.id).en, badIdent(f?.id).zh);
      else if (ids.has(f.id)) err(`${p}.id`, `duplicate field id "${f.id}"`, `字段标识重复："${f.id}"`);
      else if (
        SYSTEM.has(f.id) &&
        !(SCOPING_FIELD_TYPES as Record<string, readonly string[]>)[f.id]?.includes(f.type)
      ) {
        err(`${p}.id`, `"${f.id}" is a system column`, `"${f.id}" 是系统列`);
      }
      if (!isIdent(f?.name)) err(`${p}.name`, badIdent(f?.name).en, badIdent(f?.name).zh);
      else if (names.has(f.name) || (SYSTEM.has(f.name) && f.name !== f.id)) {
        err(`${p}.name`, `duplicate or reserved field name "${f.name}"`, `字段名重复或保留："${f.name}"`);
      }
      ids.add(f?.id);
      names.add(f?.name);
      if (!(FIELD_TYPES as readonly string[]).includes(f?.type)) {
        err(
          `${p}.type`,
          `expected one of ${FIELD_TYPES.join(', ')}, got ${JSON.stringify(f?.type)}`,
          `未知字段类型 ${JSON.stringify(f?.type)}`,
        );
      }
      if (f?.type === 'reference' && !entityNames.has(f.target)) {
        err(`${p}.target`, `unknown entity "${f.target}"`, `引用的实体不存在："${f.target}"`);
      }
      if (f?.type === 'rollup' && !entityNames.has(f.relation?.entity)) {
        err(
          `${p}.relation.entity`,
          `unknown entity "${f.relation?.entity}"`,
          `汇总的实体不存在："${f.relation?.entity}"`,
        );
      }
    });
  });
  return errors;
}

function isIdent(v: unknown): v is string {
  return typeof v === 'string' && isIdentifier(v);
}

function badIdent(v: unknown): I18nText {
  return {
    en: `expected an identifier matching ^[a-z][a-z0-9_]{0,62}$, got ${JSON.stringify(v)}`,
    zh: `标识须为小写字母开头的字母、数字或下划线，实际为 ${JSON.stringify(v)}`,
  };
}
