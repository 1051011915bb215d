import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

export const RECORD_RIGHTS = ['create', 'read', 'update', 'delete', 'export', 'import'] as const;
export type RecordRight = (typeof RECORD_RIGHTS)[number];

/** Which records a role sees; `type` discriminates. */
export type RecordScope =
  | { type: 'own' }
  | { type: 'department' }
  | { type: 'region' }
  | { type: 'all' }
  | { type: 'filter'; filter: JsonLogic };

export interface EntityPermission {
  rights: RecordRight[];
  scope: RecordScope;
  /** field name → access; unlisted fields are editable. */
  fields?: Record<string, 'hidden' | 'readonly'>;
  /** Sensitive fields this role sees unmasked. */
  reveal?: string[];
}

export interface RoleDoc {
  kind: 'role';
  schemaVersion: number;
  name: string;
  label: I18nText;
  /** May edit the app's metadata in the studio. */
  designer?: boolean;
  /** May manage users, roles and see the audit log. */
  admin?: boolean;
  /** entity name (or `*`) → permission. */
  entities: Record<string, EntityPermission>;
}
