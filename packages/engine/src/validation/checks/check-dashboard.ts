import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import type { DashboardDoc } from '../../model/report';
import {
  type CheckContext,
  checkUnique,
  requireDocument,
  requireEntity,
  requireField,
} from './check-context';

/** Semantic checks of a dashboard: tiles name existing reports, filters existing entity fields. */
export function checkDashboard(ctx: CheckContext, doc: DashboardDoc, p: string): void {
  checkUnique(
    ctx,
    doc.tiles,
    (t) => t.id,
    (i) => `${p}.tiles.${i}.id`,
    VALIDATION_NOUNS.tileId,
  );
  doc.tiles.forEach((t, i) => {
    requireDocument(ctx, 'report', t.report, `${p}.tiles.${i}.report`);
  });
  const filters = doc.filters ?? [];
  checkUnique(
    ctx,
    filters,
    (f) => f.id,
    (i) => `${p}.filters.${i}.id`,
    VALIDATION_NOUNS.filterId,
  );
  filters.forEach((f, i) => {
    for (const [entityName, field] of Object.entries(f.fields)) {
      const fp = `${p}.filters.${i}.fields.${entityName}`;
      requireField(ctx, requireEntity(ctx, entityName, fp), field, fp);
    }
  });
}
