import { isLatticeError, LatticeError } from '@lattice/engine';
import { type SchemaValidationIssue, translateSchemaError } from './translate-schema-error';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: SchemaValidationIssue[];
  validationContext?: string;
  message?: string;
}

/**
 * Maps anything a route or plugin throws onto a {@link LatticeError}, so every API error has the same
 * body. Unknown 5xx errors become LATTICE_ERR_INTERNAL; the caller logs the original.
 */
export function toLatticeError(error: unknown): LatticeError {
  if (isLatticeError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (Array.isArray(e.validation)) {
    const context = e.validationContext ?? 'body';
    return new LatticeError(
      'LATTICE_ERR_VALIDATION',
      e.validation.map((issue) => translateSchemaError(issue, context)),
    );
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LatticeError('LATTICE_ERR_BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new LatticeError('LATTICE_ERR_BAD_REQUEST', [
        { path: '', message: { zh: '请求体无法解析', en: e.message ?? 'The body cannot be parsed' } },
      ]);
    default:
      break;
  }
  const status = e.statusCode ?? 500;
  if (status === 413) return new LatticeError('LATTICE_ERR_BODY_TOO_LARGE');
  if (status === 429) return new LatticeError('LATTICE_ERR_RATE_LIMITED');
  if (status === 401) return new LatticeError('LATTICE_ERR_UNAUTHENTICATED');
  if (status === 404) return new LatticeError('LATTICE_ERR_NOT_FOUND');
  if (status >= 400 && status < 500) {
    return new LatticeError('LATTICE_ERR_BAD_REQUEST', [
      { path: '', message: { zh: '请求格式不正确', en: e.message ?? 'The request is malformed' } },
    ]);
  }
  return new LatticeError('LATTICE_ERR_INTERNAL');
}
