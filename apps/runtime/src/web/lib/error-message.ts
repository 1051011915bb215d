import { ApiError } from './api';
import { t } from './ui-text';

/** A readable message for anything thrown by `api()` or the browser (network failures included). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.details[0];
    return first && error.details.length === 1 && first.message !== error.message
      ? `${error.message}: ${first.message}`
      : error.message;
  }
  if (error instanceof TypeError) return t('networkError');
  return error instanceof Error ? error.message : String(error);
}
