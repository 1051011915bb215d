import type { ErrorDetail } from '../../errors';
import type { AppDefinition } from '../../model/app';
import { validateAppDefinition } from '../../validation/validate-app-definition';
import { checkDefinition } from './check-definition';

/**
 * Everything an app must pass before storage touches it: the full document validation plus storage's own
 * checks (identifiers, system-column clashes, reference targets), which stay as a second line of defence
 * because every identifier they pass ends up in SQL. A path reported by both is reported once.
 */
export function validateForStorage(def: AppDefinition): ErrorDetail[] {
  const errors = validateAppDefinition(def);
  const seen = new Set(errors.map((e) => e.path));
  for (const e of checkDefinition(def)) if (!seen.has(e.path)) errors.push(e);
  return errors;
}
