import type { I18nText, Locale } from '@lattice/engine';

const T = {
  fieldTypes: { zh: '字段类型', en: 'Field types' },
  existingFields: { zh: '已有字段', en: 'Entity fields' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  addSection: { zh: '添加分组', en: 'Add section' },
  addTab: { zh: '添加标签页', en: 'Add tab' },
  preview: { zh: '预览', en: 'Preview' },
  hidePreview: { zh: '关闭预览', en: 'Hide preview' },
  properties: { zh: '属性', en: 'Properties' },
  nothingSelected: {
    zh: '选择画布上的字段或分组以编辑属性',
    en: 'Select a field or section on the canvas to edit it',
  },
  dropHere: { zh: '将字段拖到此处', en: 'Drag fields here' },
  remove: { zh: '删除', en: 'Remove' },
  labelZh: { zh: '标签（中文）', en: 'Label (Chinese)' },
  labelEn: { zh: '标签（英文）', en: 'Label (English)' },
  titleZh: { zh: '标题（中文）', en: 'Title (Chinese)' },
  titleEn: { zh: '标题（英文）', en: 'Title (English)' },
  helpZh: { zh: '帮助文字（中文）', en: 'Help (Chinese)' },
  helpEn: { zh: '帮助文字（英文）', en: 'Help (English)' },
  required: { zh: '必填', en: 'Required' },
  widget: { zh: '控件', en: 'Widget' },
  span: { zh: '占列数', en: 'Column span' },
  columns: { zh: '列数', en: 'Columns' },
  tab: { zh: '所属标签页', en: 'Tab' },
  noTab: { zh: '（标签页之上）', en: '(above tabs)' },
  collapsed: { zh: '默认折叠', en: 'Collapsed by default' },
  options: { zh: '选项', en: 'Options' },
  addOption: { zh: '添加选项', en: 'Add option' },
  optionValue: { zh: '值', en: 'Value' },
  validations: { zh: '校验规则', en: 'Validation rules' },
  addValidation: { zh: '添加校验规则', en: 'Add rule' },
  messageZh: { zh: '提示（中文）', en: 'Message (Chinese)' },
  messageEn: { zh: '提示（英文）', en: 'Message (English)' },
  visibleWhen: { zh: '显示条件', en: 'Visible when' },
  requiredWhen: { zh: '必填条件', en: 'Required when' },
  readonlyWhen: { zh: '只读条件', en: 'Read-only when' },
  defaultValue: { zh: '默认值（JsonLogic）', en: 'Default (JsonLogic)' },
  compute: { zh: '计算值（JsonLogic）', en: 'Computed value (JsonLogic)' },
  always: { zh: '无条件', en: 'Always' },
  and: { zh: '且', en: 'AND' },
  or: { zh: '或', en: 'OR' },
  matchAll: { zh: '满足全部条件', en: 'Match all' },
  matchAny: { zh: '满足任一条件', en: 'Match any' },
  addCondition: { zh: '添加条件', en: 'Add condition' },
  addGroup: { zh: '添加条件组', en: 'Add group' },
  rawJson: {
    zh: '该条件无法用可视化编辑，可直接编辑 JSON',
    en: 'This condition cannot be shown visually; edit its JSON',
  },
  backToBuilder: { zh: '清空并使用可视化编辑', en: 'Clear and use the builder' },
  chooseField: { zh: '选择字段', en: 'Choose field' },
  section: { zh: '分组', en: 'Section' },
  field: { zh: '字段', en: 'Field' },
  addToCanvas: { zh: '添加到画布', en: 'Add to canvas' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  drag: { zh: '拖动', en: 'Drag' },
  unknownField: { zh: '字段不存在', en: 'Unknown field' },
  invalidJson: { zh: 'JSON 格式错误', en: 'Invalid JSON' },
  onlyEntityFields: {
    zh: '选项和校验规则属于实体字段，请在实体设计器中修改',
    en: 'Options and rules belong to the entity field; edit them in the entity designer',
  },
} as const satisfies Record<string, I18nText>;

export type DesignerTextKey = keyof typeof T;

/** Designer UI string in one locale. */
export function designerText(key: DesignerTextKey, locale: Locale): string {
  return locale === 'en' ? T[key].en : T[key].zh;
}

/** Operator labels for the condition builder. */
export const OPERATOR_TEXT: Record<string, I18nText> = {
  eq: { zh: '等于', en: 'equals' },
  ne: { zh: '不等于', en: 'not equal' },
  gt: { zh: '大于', en: 'greater than' },
  gte: { zh: '大于等于', en: 'at least' },
  lt: { zh: '小于', en: 'less than' },
  lte: { zh: '小于等于', en: 'at most' },
  in: { zh: '属于', en: 'is one of' },
  not_in: { zh: '不属于', en: 'is none of' },
  contains: { zh: '包含', en: 'contains' },
  is_empty: { zh: '为空', en: 'is empty' },
  not_empty: { zh: '不为空', en: 'is not empty' },
  is_true: { zh: '为是', en: 'is yes' },
  is_false: { zh: '为否', en: 'is no' },
};
