/**
 * Every SQL identifier Lattice emits comes from metadata matching this pattern, and values are always
 * bound as parameters, so SQL injection is impossible by construction.
 */
export const IDENTIFIER_PATTERN = '^[a-z][a-z0-9_]{0,62}$';
export const IDENTIFIER_RE = new RegExp(IDENTIFIER_PATTERN);

/** App ids may contain hyphens (`mfg-crm`); they never reach SQL directly (see {@link appSchemaName}). */
export const APP_ID_PATTERN = '^[a-z][a-z0-9-]{0,40}$';

export function isIdentifier(value: string): boolean {
  return IDENTIFIER_RE.test(value);
}

/** The PostgreSQL schema holding an app's entity tables: `mfg-crm` → `app_mfg_crm`. */
export function appSchemaName(appId: string): string {
  return `app_${appId.replace(/-/g, '_')}`;
}
