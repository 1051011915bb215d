/**
 * @lattice/engine — the pure core: metadata model, validation, expressions and errors. Browser-safe.
 * Storage (PostgreSQL via kysely) is exported separately from `@lattice/engine/storage`.
 */

export type { ErrorBody, ErrorCode, ErrorDetail } from './errors';
export { ERROR_CODES, isLatticeError, LatticeError, latticeError } from './errors';
export * from './model/index';
