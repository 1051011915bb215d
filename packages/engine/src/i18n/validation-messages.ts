import type { I18nText } from '../model/i18n-text';

/**
 * The message catalogue for validation errors, one template per reason in each UI language.
 * `{name}` placeholders are filled by {@link formatValidationMessage}; values arrive pre-formatted
 * (quoted JSON for instance values, plain text for expectations).
 */
export const VALIDATION_MESSAGES = {
  required: { en: 'required property is missing', zh: '缺少必填属性' },
  type: { en: 'expected {expected}, got {actual}', zh: '应为{expected}，实际为{actual}' },
  enum: { en: 'expected one of {expected}, got {actual}', zh: '应为以下之一：{expected}，实际为 {actual}' },
  const: { en: 'expected {expected}, got {actual}', zh: '应为 {expected}，实际为 {actual}' },
  pattern: {
    en: 'expected a value matching {expected}, got {actual}',
    zh: '应匹配 {expected}，实际为 {actual}',
  },
  identifier: {
    en: 'expected a snake_case name ({expected}), got {actual}',
    zh: '应为 snake_case 名称（{expected}），实际为 {actual}',
  },
  minLength: { en: 'expected at least {limit} character(s)', zh: '至少需要 {limit} 个字符' },
  maxLength: { en: 'expected at most {limit} character(s)', zh: '最多 {limit} 个字符' },
  minimum: { en: 'expected a number ≥ {limit}, got {actual}', zh: '应为 ≥ {limit} 的数，实际为 {actual}' },
  maximum: { en: 'expected a number ≤ {limit}, got {actual}', zh: '应为 ≤ {limit} 的数，实际为 {actual}' },
  exclusiveMinimum: {
    en: 'expected a number > {limit}, got {actual}',
    zh: '应为 > {limit} 的数，实际为 {actual}',
  },
  exclusiveMaximum: {
    en: 'expected a number < {limit}, got {actual}',
    zh: '应为 < {limit} 的数，实际为 {actual}',
  },
  minItems: { en: 'expected at least {limit} item(s)', zh: '至少需要 {limit} 项' },
  maxItems: { en: 'expected at most {limit} item(s)', zh: '最多 {limit} 项' },
  uniqueItems: { en: 'items {first} and {second} are duplicates', zh: '第 {first} 项与第 {second} 项重复' },
  minProperties: { en: 'expected at least {limit} propert(y/ies)', zh: '至少需要 {limit} 个属性' },
  maxProperties: { en: 'expected at most {limit} propert(y/ies)', zh: '最多 {limit} 个属性' },
  additionalProperties: { en: 'unknown property {actual}', zh: '未知属性 {actual}' },
  propertyNames: { en: 'invalid key {actual}', zh: '无效的键 {actual}' },
  format: { en: 'expected a valid {expected}, got {actual}', zh: '应为有效的 {expected}，实际为 {actual}' },
  multipleOf: { en: 'expected a multiple of {limit}', zh: '应为 {limit} 的倍数' },
  oneOf: { en: 'matches none of the allowed shapes', zh: '不符合任何允许的结构' },
  anyOf: { en: 'matches none of the allowed shapes', zh: '不符合任何允许的结构' },
  invalid: { en: 'invalid value ({keyword})', zh: '值无效（{keyword}）' },
  duplicate: { en: 'duplicate {what} {actual}', zh: '{what}重复：{actual}' },
  unknownEntity: { en: 'unknown entity {actual}', zh: '实体不存在：{actual}' },
  unknownField: { en: 'entity {entity} has no field {actual}', zh: '实体 {entity} 没有字段 {actual}' },
  unknownDocument: { en: 'unknown {what} {actual}', zh: '{what}不存在：{actual}' },
  unknownNode: { en: 'unknown node {actual}', zh: '节点不存在：{actual}' },
  unknownStage: { en: 'unknown stage {actual}', zh: '阶段不存在：{actual}' },
  unknownTab: { en: 'unknown tab {actual}', zh: '选项卡不存在：{actual}' },
  unknownAlias: { en: 'unknown dimension or measure {actual}', zh: '维度或度量不存在：{actual}' },
  reservedFieldId: {
    en: '{actual} is a system column and cannot be a field id',
    zh: '{actual} 是系统列，不能用作字段标识',
  },
  scopingFieldType: {
    en: 'field {actual} maps onto a system column and must be of type {expected}',
    zh: '字段 {actual} 对应系统列，类型必须为 {expected}',
  },
  wrongFieldType: {
    en: 'field {actual} must be of type {expected}',
    zh: '字段 {actual} 的类型必须为 {expected}',
  },
  notPointingBack: {
    en: 'field {actual} of {entity} must be a reference to {expected}',
    zh: '{entity} 的字段 {actual} 必须是指向 {expected} 的引用',
  },
  measureRequired: { en: 'aggregate {actual} needs a measure field', zh: '汇总方式 {actual} 需要度量字段' },
  autonumberCounter: {
    en: 'pattern {actual} needs a counter such as {0000}',
    zh: '编号规则 {actual} 需要计数占位符，如 {0000}',
  },
  spanTooWide: {
    en: 'span {actual} exceeds the section’s {limit} column(s)',
    zh: '跨列 {actual} 超过分区的 {limit} 列',
  },
  flowStartCount: {
    en: 'expected exactly one start node, got {actual}',
    zh: '应恰有一个开始节点，实际 {actual} 个',
  },
  flowNoEnd: { en: 'expected at least one end node', zh: '至少需要一个结束节点' },
  exclusiveWith: { en: '{actual} cannot be combined with {other}', zh: '{actual} 不能与 {other} 同时使用' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

/**
 * Values substituted into a template; an {@link I18nText} value is picked per language (e.g. the name of
 * a document kind). Missing placeholders are left visible on purpose.
 */
export type MessageParams = Readonly<Record<string, string | number | I18nText>>;

/**
 * Fills a catalogue template in both languages.
 *
 * @example
 * formatValidationMessage('enum', { expected: 'text, number', actual: '"txt"' });
 * // → { en: 'expected one of text, number, got "txt"', zh: '应为以下之一：text, number，实际为 "txt"' }
 */
export function formatValidationMessage(key: ValidationMessageKey, params: MessageParams = {}): I18nText {
  const { en, zh } = VALIDATION_MESSAGES[key];
  return { en: fill(en, params, 'en'), zh: fill(zh, params, 'zh') };
}

function fill(template: string, params: MessageParams, lang: keyof I18nText): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
