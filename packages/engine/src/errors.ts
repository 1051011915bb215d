import type { I18nText, Locale } from './model/i18n-text';

/**
 * The error registry: every error Lattice reports has a stable code, an HTTP status, a developer message
 * saying how to fix it, and a user message in zh-CN and en. `errors.test.ts` checks the list is complete.
 */
export const ERROR_CODES = {
  LATTICE_ERR_VALIDATION: {
    status: 400,
    dev: 'The input does not match its schema; see details for each path.',
    user: { zh: '输入有误，请检查标出的字段', en: 'Some input is invalid; check the marked fields' },
  },
  LATTICE_ERR_BAD_REQUEST: {
    status: 400,
    dev: 'The request is malformed (bad JSON, bad query parameter).',
    user: { zh: '请求格式不正确', en: 'The request is malformed' },
  },
  LATTICE_ERR_BODY_TOO_LARGE: {
    status: 413,
    dev: 'The body exceeds the configured limit.',
    user: { zh: '请求内容过大', en: 'The request body is too large' },
  },
  LATTICE_ERR_UNAUTHENTICATED: {
    status: 401,
    dev: 'Send a valid access token in the Authorization header.',
    user: { zh: '请先登录', en: 'Please sign in' },
  },
  LATTICE_ERR_BAD_CREDENTIALS: {
    status: 401,
    dev: 'Username or password is wrong.',
    user: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  },
  LATTICE_ERR_ACCOUNT_LOCKED: {
    status: 423,
    dev: 'Too many failed logins; the account is locked for a while.',
    user: {
      zh: '登录失败次数过多，账户已暂时锁定',
      en: 'Too many failed attempts; the account is temporarily locked',
    },
  },
  LATTICE_ERR_RATE_LIMITED: {
    status: 429,
    dev: 'Too many requests; retry later.',
    user: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  },
  LATTICE_ERR_FORBIDDEN: {
    status: 403,
    dev: 'The caller lacks the right for this action.',
    user: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  },
  LATTICE_ERR_NOT_FOUND: {
    status: 404,
    dev: 'No such resource (or it is outside the caller’s scope).',
    user: { zh: '记录不存在', en: 'Not found' },
  },
  LATTICE_ERR_UNKNOWN_APP: {
    status: 404,
    dev: 'No app with this id is installed.',
    user: { zh: '应用不存在', en: 'Unknown app' },
  },
  LATTICE_ERR_UNKNOWN_ENTITY: {
    status: 404,
    dev: 'The app has no published entity with this name.',
    user: { zh: '实体不存在', en: 'Unknown entity' },
  },
  LATTICE_ERR_UNKNOWN_FIELD: {
    status: 400,
    dev: 'The entity has no field with this name.',
    user: { zh: '字段不存在', en: 'Unknown field' },
  },
  LATTICE_ERR_REQUIRED: {
    status: 400,
    dev: 'A required field is empty.',
    user: { zh: '必填项不能为空', en: 'This field is required' },
  },
  LATTICE_ERR_UNIQUE: {
    status: 409,
    dev: 'Another record already has this value in a unique field.',
    user: { zh: '该值已存在，不能重复', en: 'This value already exists' },
  },
  LATTICE_ERR_STALE_VERSION: {
    status: 409,
    dev: 'The record changed since it was read; reload and retry with the current version.',
    user: {
      zh: '记录已被他人修改，请刷新后重试',
      en: 'The record was changed by someone else; reload and retry',
    },
  },
  LATTICE_ERR_REFERENCE: {
    status: 409,
    dev: 'A reference points at a missing record, or a delete is restricted by references.',
    user: { zh: '关联记录不存在或仍被引用', en: 'A related record is missing or still referenced' },
  },
  LATTICE_ERR_LOCKED: {
    status: 423,
    dev: 'The record is locked while an approval flow runs.',
    user: { zh: '记录审批中，暂不可编辑', en: 'The record is locked while in approval' },
  },
  LATTICE_ERR_LOSSY_CHANGE: {
    status: 409,
    dev: 'Publishing would lose data; review the preview and publish with confirmLossy=true.',
    user: { zh: '发布会导致数据丢失，请确认后再发布', en: 'Publishing would lose data; confirm to continue' },
  },
  LATTICE_ERR_NOTHING_TO_PUBLISH: {
    status: 409,
    dev: 'The draft equals the live version.',
    user: { zh: '没有需要发布的变更', en: 'There are no changes to publish' },
  },
  LATTICE_ERR_EXPRESSION: {
    status: 400,
    dev: 'A JsonLogic expression is malformed or uses an unknown operator.',
    user: { zh: '表达式有误', en: 'The expression is invalid' },
  },
  LATTICE_ERR_RULE_DEPTH: {
    status: 508,
    dev: 'Rules triggered each other past the depth limit; check for a loop.',
    user: {
      zh: '规则触发层级过深，可能存在循环',
      en: 'Rules triggered each other too deeply (possible loop)',
    },
  },
  LATTICE_ERR_ALREADY_DECIDED: {
    status: 409,
    dev: 'This approval task was already decided by someone else.',
    user: { zh: '该审批已被处理', en: 'This approval was already decided' },
  },
  LATTICE_ERR_IMPORT: {
    status: 400,
    dev: 'The import file cannot be read or mapped.',
    user: { zh: '导入文件无法读取', en: 'The import file cannot be read' },
  },
  LATTICE_ERR_PACK: {
    status: 400,
    dev: 'The pack is invalid or does not fit this engine/app.',
    user: { zh: '模板包无效', en: 'The template pack is invalid' },
  },
  LATTICE_ERR_INTERNAL: {
    status: 500,
    dev: 'Unexpected error; see the server log.',
    user: { zh: '服务器内部错误', en: 'Internal server error' },
  },
} as const satisfies Record<string, { status: number; dev: string; user: I18nText }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem at one JSON path (`fields.3.type`); the studio marks each path. */
export interface ErrorDetail {
  path: string;
  message: I18nText;
  /** Machine-readable reason, e.g. the ajv keyword or a LATTICE_ERR_* code. */
  reason?: string;
}

/** The base of every error Lattice throws on purpose. */
export class LatticeError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, details: ErrorDetail[] = [], devMessage?: string) {
    super(devMessage ?? formatDevMessage(code, details));
    this.name = 'LatticeError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }

  /** The body every API error returns: `{ error: { code, message, details: [{ path, message }] } }`. */
  toBody(locale: Locale = 'zh-CN'): ErrorBody {
    const pick = (t: I18nText) => (locale === 'en' ? t.en : t.zh);
    return {
      error: {
        code: this.code,
        message:
          this.details.length === 1 ? pick(this.details[0]!.message) : pick(ERROR_CODES[this.code].user),
        details: this.details.map((d) => ({ path: d.path, message: pick(d.message) })),
      },
    };
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

function formatDevMessage(code: ErrorCode, details: ErrorDetail[]): string {
  const lines = details.slice(0, 5).map((d) => `At ${d.path || '(root)'}: ${d.message.en}`);
  return [ERROR_CODES[code].dev, ...lines].join('\n');
}

export function isLatticeError(e: unknown): e is LatticeError {
  return e instanceof LatticeError;
}

/** Shorthand for a single-path error. */
export function latticeError(code: ErrorCode, path: string, message: I18nText): LatticeError {
  return new LatticeError(code, [{ path, message }]);
}
