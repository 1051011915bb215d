import type { AppDefinition, AppDocument, RuleAction } from '@lattice/engine';

/** Placeholder for a webhook address a non-designer may not see. */
export const REDACTED_URL = '';

function redactAction(action: RuleAction): RuleAction {
  return action.type === 'call_webhook' ? { ...action, url: REDACTED_URL } : action;
}

function forReader(doc: AppDocument): AppDocument[] {
  // Role documents spell out every role's scopes and field permissions: end users learn their own access from
  // GET /access, not the whole security model.
  if (doc.kind === 'role') return [];
  // Webhook addresses of integrations (ERP/MES) often carry tokens in their query strings.
  if (doc.kind === 'rule') return [{ ...doc, actions: doc.actions.map(redactAction) }];
  return [doc];
}

/** The live definition as end users (non-designers) get it: no role documents, no webhook addresses. */
export function definitionForReader(definition: AppDefinition): AppDefinition {
  return { ...definition, documents: definition.documents.flatMap(forReader) };
}
