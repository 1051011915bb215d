import type { FieldType, I18nText } from '@lattice/engine';

/** Palette label and a one-glyph icon per field type, grouped for the palette. */
export const FIELD_TYPE_META: Record<
  FieldType,
  { label: I18nText; icon: string; group: 'basic' | 'choice' | 'relation' | 'media' | 'advanced' }
> = {
  text: { label: { zh: '单行文本', en: 'Text' }, icon: 'T', group: 'basic' },
  longtext: { label: { zh: '多行文本', en: 'Long text' }, icon: '¶', group: 'basic' },
  richtext: { label: { zh: '富文本', en: 'Rich text' }, icon: 'B', group: 'basic' },
  number: { label: { zh: '数字', en: 'Number' }, icon: '#', group: 'basic' },
  integer: { label: { zh: '整数', en: 'Integer' }, icon: '1', group: 'basic' },
  currency: { label: { zh: '金额', en: 'Currency' }, icon: '¥', group: 'basic' },
  percent: { label: { zh: '百分比', en: 'Percent' }, icon: '%', group: 'basic' },
  date: { label: { zh: '日期', en: 'Date' }, icon: '📅', group: 'basic' },
  datetime: { label: { zh: '日期时间', en: 'Date & time' }, icon: '⏱', group: 'basic' },
  boolean: { label: { zh: '开关', en: 'Yes/No' }, icon: '◐', group: 'choice' },
  select: { label: { zh: '单选', en: 'Select' }, icon: '◉', group: 'choice' },
  multiselect: { label: { zh: '多选', en: 'Multi-select' }, icon: '☑', group: 'choice' },
  email: { label: { zh: '邮箱', en: 'E-mail' }, icon: '@', group: 'basic' },
  phone: { label: { zh: '电话', en: 'Phone' }, icon: '☎', group: 'basic' },
  url: { label: { zh: '网址', en: 'URL' }, icon: '🔗', group: 'basic' },
  reference: { label: { zh: '关联记录', en: 'Reference' }, icon: '↗', group: 'relation' },
  user: { label: { zh: '人员', en: 'User' }, icon: '👤', group: 'relation' },
  department: { label: { zh: '部门', en: 'Department' }, icon: '🏢', group: 'relation' },
  file: { label: { zh: '附件', en: 'File' }, icon: '📎', group: 'media' },
  image: { label: { zh: '图片', en: 'Image' }, icon: '🖼', group: 'media' },
  geo: { label: { zh: '地理位置', en: 'Location' }, icon: '📍', group: 'media' },
  formula: { label: { zh: '公式', en: 'Formula' }, icon: 'ƒ', group: 'advanced' },
  rollup: { label: { zh: '汇总', en: 'Rollup' }, icon: 'Σ', group: 'advanced' },
  autonumber: { label: { zh: '自动编号', en: 'Autonumber' }, icon: '№', group: 'advanced' },
  rating: { label: { zh: '评分', en: 'Rating' }, icon: '★', group: 'choice' },
  tags: { label: { zh: '标签树', en: 'Tag tree' }, icon: '🏷', group: 'choice' },
  stage: { label: { zh: '阶段', en: 'Stage' }, icon: '➜', group: 'choice' },
  signature: { label: { zh: '手写签名', en: 'Signature' }, icon: '✍', group: 'media' },
  json: { label: { zh: 'JSON', en: 'JSON' }, icon: '{}', group: 'advanced' },
  notes: { label: { zh: '私密备注', en: 'Private notes' }, icon: '🗒', group: 'advanced' },
};

/** Palette groups in display order. */
export const FIELD_TYPE_GROUPS = [
  { id: 'basic', label: { zh: '基础', en: 'Basic' } },
  { id: 'choice', label: { zh: '选择', en: 'Choice' } },
  { id: 'relation', label: { zh: '关联', en: 'Relations' } },
  { id: 'media', label: { zh: '附件与位置', en: 'Media & location' } },
  { id: 'advanced', label: { zh: '高级', en: 'Advanced' } },
] as const;
