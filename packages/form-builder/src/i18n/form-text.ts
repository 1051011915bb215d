import type { I18nText, Locale } from '@lattice/engine';

/** UI strings of the form builder; zh-CN first. */
const STRINGS = {
  required: { zh: '必填项不能为空', en: 'This field is required' },
  notNumber: { zh: '应为数字', en: 'Expected a number' },
  notInteger: { zh: '应为整数', en: 'Expected a whole number' },
  tooSmall: { zh: '不能小于 {0}', en: 'Must be at least {0}' },
  tooLarge: { zh: '不能大于 {0}', en: 'Must be at most {0}' },
  tooLong: { zh: '长度不能超过 {0}', en: 'At most {0} characters' },
  badPattern: { zh: '格式不正确', en: 'Invalid format' },
  badEmail: { zh: '邮箱格式不正确', en: 'Invalid e-mail address' },
  badUrl: { zh: '网址格式不正确', en: 'Invalid URL' },
  badPhone: { zh: '电话号码格式不正确', en: 'Invalid phone number' },
  badOption: { zh: '不是有效选项', en: 'Not a valid option' },
  badDate: { zh: '日期格式不正确', en: 'Invalid date' },
  badJson: { zh: 'JSON 格式错误', en: 'Invalid JSON' },
  badGeo: { zh: '经纬度不正确', en: 'Invalid latitude/longitude' },
  badTransition: { zh: '不允许从 {0} 转到该阶段', en: 'Cannot move to this stage from {0}' },
  search: { zh: '搜索…', en: 'Search…' },
  noResults: { zh: '无匹配结果', en: 'No matches' },
  clear: { zh: '清除', en: 'Clear' },
  select: { zh: '请选择', en: 'Select…' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  upload: { zh: '上传文件', en: 'Upload file' },
  uploadImage: { zh: '上传图片', en: 'Upload image' },
  uploading: { zh: '上传中…', en: 'Uploading…' },
  remove: { zh: '移除', en: 'Remove' },
  address: { zh: '地址', en: 'Address' },
  latitude: { zh: '纬度', en: 'Latitude' },
  longitude: { zh: '经度', en: 'Longitude' },
  signHere: { zh: '请在此处签名', en: 'Sign here' },
  clearSignature: { zh: '重新签名', en: 'Clear signature' },
  addNote: { zh: '添加备注', en: 'Add note' },
  notePlaceholder: { zh: '仅自己可见的私密备注', en: 'Private note, visible only to you' },
  noNotes: { zh: '暂无备注', en: 'No notes yet' },
  computed: { zh: '自动计算', en: 'Computed' },
  autoAssigned: { zh: '保存后自动生成', en: 'Assigned on save' },
  bold: { zh: '加粗', en: 'Bold' },
  italic: { zh: '斜体', en: 'Italic' },
  list: { zh: '列表', en: 'List' },
  date: { zh: '日期', en: 'Date' },
  time: { zh: '时间', en: 'Time' },
  stars: { zh: '{0} 星', en: '{0} stars' },
  unknownField: { zh: '字段 {0} 不存在', en: 'Unknown field {0}' },
} as const satisfies Record<string, I18nText>;

export type FormTextKey = keyof typeof STRINGS;

/** The message for a key in both languages, with `{0}`, `{1}` … replaced by `args`. */
export function formMessage(key: FormTextKey, ...args: (string | number)[]): I18nText {
  const fill = (s: string) => s.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
  return { zh: fill(STRINGS[key].zh), en: fill(STRINGS[key].en) };
}

/** The UI string for a key in one locale. */
export function formText(key: FormTextKey, locale: Locale, ...args: (string | number)[]): string {
  const m = formMessage(key, ...args);
  return locale === 'en' ? m.en : m.zh;
}
