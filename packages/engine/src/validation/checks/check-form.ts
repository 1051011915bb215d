import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import type { FormDoc } from '../../model/form';
import {
  type CheckContext,
  checkLogic,
  checkUnique,
  q,
  report,
  requireEntity,
  requireField,
} from './check-context';

const CONDITIONS = ['visibleWhen', 'requiredWhen', 'readonlyWhen', 'defaultValue', 'compute'] as const;

/** Semantic checks of a form: its entity and fields exist, ids are unique, tabs and spans fit. */
export function checkForm(ctx: CheckContext, doc: FormDoc, p: string): void {
  const entity = requireEntity(ctx, doc.entity, `${p}.entity`);
  const tabs = new Set((doc.tabs ?? []).map((t) => t.id));
  checkUnique(
    ctx,
    doc.tabs ?? [],
    (t) => t.id,
    (i) => `${p}.tabs.${i}.id`,
    VALIDATION_NOUNS.tabId,
  );
  checkUnique(
    ctx,
    doc.sections,
    (s) => s.id,
    (i) => `${p}.sections.${i}.id`,
    VALIDATION_NOUNS.sectionId,
  );
  const items = doc.sections.flatMap((s, si) =>
    s.items.map((it, ii) => ({ id: it.id, path: `${p}.sections.${si}.items.${ii}.id` })),
  );
  checkUnique(
    ctx,
    items,
    (it) => it.id,
    (i) => items[i]!.path,
    VALIDATION_NOUNS.itemId,
  );
  doc.sections.forEach((s, si) => {
    const sp = `${p}.sections.${si}`;
    if (s.tab !== undefined && !tabs.has(s.tab)) report(ctx, `${sp}.tab`, 'unknownTab', { actual: q(s.tab) });
    checkLogic(ctx, s.visibleWhen, `${sp}.visibleWhen`);
    s.items.forEach((it, ii) => {
      const ip = `${sp}.items.${ii}`;
      requireField(ctx, entity, it.field, `${ip}.field`);
      if (it.span !== undefined && it.span > s.columns)
        report(ctx, `${ip}.span`, 'spanTooWide', { actual: it.span, limit: s.columns });
      for (const key of CONDITIONS) checkLogic(ctx, it[key], `${ip}.${key}`);
    });
  });
}
