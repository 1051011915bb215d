/** @lattice/engine/storage — PostgreSQL storage (PGlite or pg) through kysely. Node only. */

export type * from './contracts';
export { systemClock } from './contracts';
