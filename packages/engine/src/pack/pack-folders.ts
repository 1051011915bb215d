import type { DocumentKind } from '../model/app';

/** Folder of a pack → the document kind its JSON files hold. */
export const PACK_DOCUMENT_FOLDERS: Readonly<Record<string, DocumentKind>> = {
  entities: 'entity',
  forms: 'form',
  views: 'view',
  rules: 'rule',
  flows: 'flow',
  reports: 'report',
  dashboards: 'dashboard',
  roles: 'role',
};

/** The folder a document kind is written to (inverse of {@link PACK_DOCUMENT_FOLDERS}). */
export function packFolderOf(kind: DocumentKind): string {
  return Object.entries(PACK_DOCUMENT_FOLDERS).find(([, k]) => k === kind)![0];
}
