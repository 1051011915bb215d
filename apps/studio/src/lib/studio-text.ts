import { createTranslator } from './i18n';

/** Every studio UI string, zh-CN first. Pages added by other areas may keep their own dictionaries. */
export const STUDIO_TEXT = {
  brand: { zh: 'Lattice 设计器', en: 'Lattice Studio' },
  login: { zh: '登录', en: 'Sign in' },
  loginTitle: { zh: '登录 Lattice 设计器', en: 'Sign in to Lattice Studio' },
  loginHint: { zh: '业务分析师与管理员使用', en: 'For business analysts and administrators' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  logout: { zh: '退出', en: 'Sign out' },
  notDesigner: {
    zh: '该账号没有设计权限（需要 admin 或 analyst 角色）',
    en: 'This account may not design apps (admin or analyst role needed)',
  },
  apps: { zh: '应用', en: 'Apps' },
  appList: { zh: '我的应用', en: 'Apps' },
  newApp: { zh: '新建应用', en: 'New app' },
  appId: { zh: '应用 ID', en: 'App id' },
  appIdHint: {
    zh: '小写字母、数字、短横线，例如 field-service',
    en: 'lowercase, digits, dashes, e.g. field-service',
  },
  labelZh: { zh: '中文名称', en: 'Chinese label' },
  labelEn: { zh: '英文名称', en: 'English label' },
  create: { zh: '创建', en: 'Create' },
  cancel: { zh: '取消', en: 'Cancel' },
  open: { zh: '打开', en: 'Open' },
  liveVersion: { zh: '线上版本', en: 'Live version' },
  notPublished: { zh: '未发布', en: 'Not published' },
  updatedAt: { zh: '更新于', en: 'Updated' },
  noApps: { zh: '还没有应用，先新建一个。', en: 'No apps yet — create one.' },
  openRuntime: { zh: '打开运行时', en: 'Open runtime' },
  overview: { zh: '概览', en: 'Overview' },
  entities: { zh: '实体', en: 'Entities' },
  forms: { zh: '表单', en: 'Forms' },
  views: { zh: '视图', en: 'Views' },
  publish: { zh: '发布', en: 'Publish' },
  versions: { zh: '版本历史', en: 'Versions' },
  loading: { zh: '加载中…', en: 'Loading…' },
  save: { zh: '保存草稿', en: 'Save draft' },
  saving: { zh: '保存中…', en: 'Saving…' },
  saved: { zh: '草稿已保存', en: 'Draft saved' },
  unsaved: { zh: '有未保存的修改', en: 'Unsaved changes' },
  discard: { zh: '放弃修改', en: 'Discard changes' },
  draftErrors: { zh: '草稿未通过校验，请修正标出的问题', en: 'The draft has problems; fix the marked items' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  backToApps: { zh: '返回应用列表', en: 'Back to apps' },
  documents: { zh: '文档', en: 'Documents' },
  fieldsCount: { zh: '{n} 个字段', en: '{n} fields' },
} as const;

/** Translates a studio string in the current UI language. */
export const t = createTranslator(STUDIO_TEXT);
