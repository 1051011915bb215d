import type { EntityDoc } from './entity';
import type { FlowDoc } from './flow';
import type { FormDoc } from './form';
import type { I18nText } from './i18n-text';
import type { DashboardDoc, ReportDoc } from './report';
import type { RoleDoc } from './role';
import type { RuleDoc } from './rule';
import type { ViewDoc } from './view';

/** Any document of an app; `kind` discriminates. */
export type AppDocument =
  | EntityDoc
  | FormDoc
  | ViewDoc
  | RuleDoc
  | FlowDoc
  | ReportDoc
  | DashboardDoc
  | RoleDoc;
export type DocumentKind = AppDocument['kind'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'entity',
  'form',
  'view',
  'rule',
  'flow',
  'report',
  'dashboard',
  'role',
];

/** An app (workspace): everything an analyst built, as data. */
export interface AppDefinition {
  id: string;
  label: I18nText;
  description?: I18nText;
  schemaVersion: number;
  documents: AppDocument[];
}

/** Documents of one kind, typed. */
export function documentsOfKind<K extends DocumentKind>(
  app: Pick<AppDefinition, 'documents'>,
  kind: K,
): Extract<AppDocument, { kind: K }>[] {
  return app.documents.filter((d): d is Extract<AppDocument, { kind: K }> => d.kind === kind);
}

export function findEntity(app: Pick<AppDefinition, 'documents'>, name: string): EntityDoc | undefined {
  return documentsOfKind(app, 'entity').find((e) => e.name === name);
}
