import type { ErrorDetail, I18nText } from '@lattice/engine';

/** The parts of an ajv error fastify hands to the error handler. */
export interface SchemaValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Where the failing value came from; query and path parameters get a prefix, the body does not. */
export type ValidationContext = 'body' | 'querystring' | 'params' | 'headers' | string;

/**
 * Turns one ajv error into a Lattice {@link ErrorDetail}: the path is the dotted instance path
 * (`/values/name` → `values.name`, plus the missing or extra property), and the message is given in both
 * languages so the error handler can answer in the caller's.
 */
export function translateSchemaError(issue: SchemaValidationIssue, context: ValidationContext): ErrorDetail {
  const segments = issue.instancePath.split('/').filter((s) => s.length > 0);
  const extra = propertyOf(issue);
  if (extra) segments.push(extra);
  const prefix = context === 'querystring' ? 'query' : context === 'body' ? '' : context;
  const path = [prefix, ...segments].filter((s) => s.length > 0).join('.');
  return { path, message: messageFor(issue), reason: issue.keyword };
}

function propertyOf(issue: SchemaValidationIssue): string | null {
  const p = issue.params;
  if (issue.keyword === 'required' && typeof p.missingProperty === 'string') return p.missingProperty;
  if (issue.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    return p.additionalProperty;
  }
  return null;
}

function messageFor(issue: SchemaValidationIssue): I18nText {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { zh: '必填项不能为空', en: 'is required' };
    case 'type':
      return { zh: `类型应为 ${typeZh(String(p.type))}`, en: `must be ${String(p.type)}` };
    case 'additionalProperties':
      return { zh: '不允许的属性', en: 'is not an allowed property' };
    case 'maxLength':
      return { zh: `长度不能超过 ${String(p.limit)}`, en: `must be at most ${String(p.limit)} characters` };
    case 'minLength':
      return { zh: `长度不能少于 ${String(p.limit)}`, en: `must be at least ${String(p.limit)} characters` };
    case 'minimum':
      return { zh: `不能小于 ${String(p.limit)}`, en: `must be >= ${String(p.limit)}` };
    case 'maximum':
      return { zh: `不能大于 ${String(p.limit)}`, en: `must be <= ${String(p.limit)}` };
    case 'enum':
      return { zh: '不是允许的取值', en: 'must be one of the allowed values' };
    case 'pattern':
      return { zh: '格式不正确', en: `must match ${String(p.pattern)}` };
    default:
      return { zh: '输入不符合要求', en: issue.message ?? 'is invalid' };
  }
}

function typeZh(type: string): string {
  const names: Record<string, string> = {
    string: '字符串',
    number: '数字',
    integer: '整数',
    boolean: '布尔值',
    object: '对象',
    array: '数组',
  };
  return names[type] ?? type;
}
