import type { ErrorDetail } from '../errors';
import type { Locale } from '../model/i18n-text';

/**
 * One line for logs, CLIs and toasts, leading with the path:
 * en `At fields.3.type: expected one of text, …, got "txt"`, zh `位置 fields.3.type：应为以下之一：…`.
 */
export function formatErrorDetail(detail: ErrorDetail, locale: Locale = 'zh-CN'): string {
  const where = detail.path === '' ? '(root)' : detail.path;
  return locale === 'en' ? `At ${where}: ${detail.message.en}` : `位置 ${where}：${detail.message.zh}`;
}
