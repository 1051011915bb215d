import type { Actor } from '@lattice/engine/storage';

/** The actor installs and seeding run as; system actors bypass record permissions. */
export const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', roles: ['admin'], system: true };
