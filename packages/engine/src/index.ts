/**
 * @lattice/engine — the pure core: metadata model, validation, expressions, record rules and errors.
 * Browser-safe: nothing here touches I/O. Storage (PostgreSQL via kysely) is `@lattice/engine/storage`.
 *
 * Named exports only; each block below belongs to one folder of the engine.
 */

// errors
export type { ErrorBody, ErrorCode, ErrorDetail } from './errors';
export { ERROR_CODES, isLatticeError, LatticeError, latticeError } from './errors';
// model
export * from './model/index';

// expr (JsonLogic compiler)

// validation (document schemas)

// records (pure value coercion, formulas) and query (filter → SQL expression)

// pack and seed
