import type { AppDocument } from '../../model/app';
import { assertNever } from '../../model/assert-never';
import type { CheckContext } from './check-context';
import { checkDashboard } from './check-dashboard';
import { checkEntity } from './check-entity';
import { checkFlow } from './check-flow';
import { checkForm } from './check-form';
import { checkReport } from './check-report';
import { checkRole } from './check-role';
import { checkRule } from './check-rule';
import { checkView } from './check-view';

/** Runs the semantic checks of one schema-valid document, paths rooted at `p`. */
export function checkDocument(ctx: CheckContext, doc: AppDocument, p: string): void {
  switch (doc.kind) {
    case 'entity':
      checkEntity(ctx, doc, p);
      return;
    case 'form':
      checkForm(ctx, doc, p);
      return;
    case 'view':
      checkView(ctx, doc, p);
      return;
    case 'rule':
      checkRule(ctx, doc, p);
      return;
    case 'flow':
      checkFlow(ctx, doc, p);
      return;
    case 'report':
      checkReport(ctx, doc, p);
      return;
    case 'dashboard':
      checkDashboard(ctx, doc, p);
      return;
    case 'role':
      checkRole(ctx, doc, p);
      return;
    default:
      assertNever(doc, 'document kind');
  }
}
