import type { I18nText } from '../model/i18n-text';

/** Nouns the validation messages name (`duplicate {what} "x"`), in both UI languages. */
export const VALIDATION_NOUNS = {
  fieldId: { en: 'field id', zh: '字段标识' },
  fieldName: { en: 'field name', zh: '字段名' },
  option: { en: 'option value', zh: '选项值' },
  stage: { en: 'stage value', zh: '阶段值' },
  sectionId: { en: 'section id', zh: '分区标识' },
  itemId: { en: 'item id', zh: '表单项标识' },
  tabId: { en: 'tab id', zh: '选项卡标识' },
  nodeId: { en: 'node id', zh: '节点标识' },
  tileId: { en: 'tile id', zh: '图块标识' },
  filterId: { en: 'filter id', zh: '筛选器标识' },
  alias: { en: 'alias', zh: '别名' },
  entity: { en: 'entity', zh: '实体' },
  form: { en: 'form', zh: '表单' },
  view: { en: 'view', zh: '视图' },
  rule: { en: 'rule', zh: '规则' },
  flow: { en: 'flow', zh: '审批流' },
  report: { en: 'report', zh: '报表' },
  dashboard: { en: 'dashboard', zh: '仪表盘' },
  role: { en: 'role', zh: '角色' },
} as const satisfies Record<string, I18nText>;
