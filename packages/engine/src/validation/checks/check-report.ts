import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import type { Dimension, ReportDoc } from '../../model/report';
import {
  type CheckContext,
  checkFilter,
  checkLogic,
  checkUnique,
  q,
  report,
  requireEntity,
  requireField,
} from './check-context';

/** The alias a dimension gets when `as` is absent (same rule as the report engine's planner). */
export function dimensionAlias(dim: Dimension): string {
  const base = dim.field.replace(/\./g, '_');
  return dim.as ?? (dim.bucket ? `${base}_${dim.bucket}` : base);
}

/** Semantic checks of a report: dataset entity and fields, unique aliases, sort and chart aliases. */
export function checkReport(ctx: CheckContext, doc: ReportDoc, p: string): void {
  const ds = doc.dataset;
  const dp = `${p}.dataset`;
  const entity = requireEntity(ctx, ds.entity, `${dp}.entity`);
  checkFilter(ctx, ds.filter, `${dp}.filter`);
  ds.dimensions.forEach((d, i) => {
    requireField(ctx, entity, d.field, `${dp}.dimensions.${i}.field`);
  });
  ds.measures.forEach((m, i) => {
    const mp = `${dp}.measures.${i}`;
    if (m.type === 'formula') {
      checkLogic(ctx, m.expression, `${mp}.expression`);
      return;
    }
    if (m.type !== 'count') requireField(ctx, entity, m.field, `${mp}.field`);
    checkFilter(ctx, m.filter, `${mp}.filter`);
  });
  const aliases = [
    ...ds.dimensions.map((d, i) => ({ alias: dimensionAlias(d), path: `${dp}.dimensions.${i}.as` })),
    ...ds.measures.map((m, i) => ({ alias: m.as, path: `${dp}.measures.${i}.as` })),
  ];
  checkUnique(
    ctx,
    aliases,
    (a) => a.alias,
    (i) => aliases[i]!.path,
    VALIDATION_NOUNS.alias,
  );
  if (ds.having !== undefined) checkLogic(ctx, ds.having, `${dp}.having`);
  const known = new Set(aliases.map((a) => a.alias));
  const alias = (name: string | undefined, path: string) => {
    if (name !== undefined && !known.has(name)) report(ctx, path, 'unknownAlias', { actual: q(name) });
  };
  ds.sort?.forEach((s, i) => {
    alias(s.by, `${dp}.sort.${i}.by`);
  });
  alias(doc.chart.x, `${p}.chart.x`);
  doc.chart.y?.forEach((y, i) => {
    alias(y, `${p}.chart.y.${i}`);
  });
  alias(doc.chart.series, `${p}.chart.series`);
  alias(doc.chart.value, `${p}.chart.value`);
}
