import { LatticeError } from '../errors';
import type { AppDefinition } from '../model/app';
import { validateAppDefinition } from './validate-app-definition';

/**
 * Throws `LatticeError('LATTICE_ERR_VALIDATION', details)` listing every error of
 * {@link validateAppDefinition}; afterwards `def` is typed as an {@link AppDefinition}.
 *
 * @example
 * assertValidApp(JSON.parse(body));
 * await store.publish(body); // body: AppDefinition
 */
export function assertValidApp(def: unknown): asserts def is AppDefinition {
  const errors = validateAppDefinition(def);
  if (errors.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
}
