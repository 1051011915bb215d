import type { ErrorDetail } from '../../errors';
import type { AppDefinition } from '../../model/app';
import { checkDefinition } from './check-definition';

/**
 * Everything an app must pass before storage touches it. Runs the storage checks (identifiers, clashes,
 * reference targets); the full document schema validation plugs in here once `validation/` exports it.
 */
export function validateForStorage(def: AppDefinition): ErrorDetail[] {
  return checkDefinition(def);
}
