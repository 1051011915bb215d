/**
 * @lattice/engine — the pure core: metadata model, validation, expressions, record rules and errors.
 * Browser-safe: nothing here touches I/O. Storage (PostgreSQL via kysely) is `@lattice/engine/storage`.
 *
 * Named exports only; each block below belongs to one folder of the engine.
 */

// errors
export type { ErrorBody, ErrorCode, ErrorDetail } from './errors';
export { ERROR_CODES, isLatticeError, LatticeError, latticeError } from './errors';
// expr (JsonLogic compiler)
export type { CompiledLogic, CompileJsonLogicOptions } from './expr/compile-json-logic';
export { compileJsonLogic } from './expr/compile-json-logic';
export type { Arity, ExtraOperator, JsonLogicOperator, StandardOperator } from './expr/json-logic-operators';
export {
  EXTRA_OPERATORS,
  isJsonLogicOperator,
  JSON_LOGIC_OPERATORS,
  OPERATOR_ARITY,
  STANDARD_OPERATORS,
} from './expr/json-logic-operators';
export { truthy as jsonLogicTruthy } from './expr/standard-helpers';
export { validateJsonLogic } from './expr/validate-json-logic';
// model
export * from './model/index';

// validation (document schemas)

// records (pure value coercion, formulas) and query (filter → SQL expression)

// pack and seed
