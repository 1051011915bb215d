import {
  type AppDefinition,
  type ChartSpec,
  type ChartType,
  type Dataset,
  type DateBucket,
  type Dimension,
  findEntity,
  type I18nText,
  type Measure,
  type ReportDoc,
} from '@lattice/engine';
import { fieldValueKind, type ValueKind } from '@lattice/report-engine';

/** A field a report can use: a path (`amount`, `customer.region`), its label and value kind. */
export interface FieldChoice {
  path: string;
  label: I18nText;
  kind: ValueKind;
  /** Reference paths list their target's fields under `group`. */
  group?: I18nText;
}

const SYSTEM_CHOICES: FieldChoice[] = [
  { path: 'region', label: { zh: '区域', en: 'Region' }, kind: 'string' },
  { path: 'owner', label: { zh: '负责人', en: 'Owner' }, kind: 'string' },
  { path: 'department', label: { zh: '部门', en: 'Department' }, kind: 'string' },
  { path: 'created_at', label: { zh: '创建时间', en: 'Created at' }, kind: 'datetime' },
  { path: 'updated_at', label: { zh: '更新时间', en: 'Updated at' }, kind: 'datetime' },
];

const USABLE: readonly ValueKind[] = ['number', 'string', 'date', 'datetime', 'boolean'];

/**
 * What the designer's palette offers for `entityName`: its groupable/aggregatable fields, the system
 * columns it does not shadow, then the fields of each referenced entity (one hop, `ref.field`).
 * Sensitive fields are left out (ciphertext cannot be grouped).
 */
export function fieldChoices(app: Pick<AppDefinition, 'documents'>, entityName: string): FieldChoice[] {
  const entity = findEntity(app, entityName);
  if (!entity) return [];
  const own = (e: typeof entity, prefix = '', group?: I18nText): FieldChoice[] =>
    e.fields
      .filter((f) => !f.sensitive && USABLE.includes(fieldValueKind(f)))
      .map((f) => ({
        path: `${prefix}${f.name}`,
        label: f.label,
        kind: fieldValueKind(f),
        ...(group ? { group } : {}),
      }));
  const names = new Set(entity.fields.map((f) => f.name));
  const out = [...own(entity), ...SYSTEM_CHOICES.filter((c) => !names.has(c.path))];
  for (const f of entity.fields) {
    if (f.type !== 'reference') continue;
    const target = findEntity(app, f.target);
    if (target) out.push(...own(target, `${f.name}.`, f.label));
  }
  return out;
}

/** A free alias for `base` (`customer.region` → `customer_region`, then `_2`, `_3`…). */
export function uniqueAlias(dataset: Dataset, base: string): string {
  const taken = new Set([
    ...dataset.dimensions.map((d) => d.as ?? d.field.replace(/\./g, '_')),
    ...dataset.measures.map((m) => m.as),
  ]);
  const root =
    base
      .replace(/[^a-z0-9_]/gi, '_')
      .toLowerCase()
      .replace(/^[^a-z]+/, '') || 'v';
  let alias = root;
  for (let i = 2; taken.has(alias); i++) alias = `${root}_${i}`;
  return alias;
}

/** Adds a dimension for a dropped field; date fields start bucketed by month. */
export function addDimension(dataset: Dataset, choice: FieldChoice): Dataset {
  const bucket: DateBucket | undefined =
    choice.kind === 'date' || choice.kind === 'datetime' ? 'month' : undefined;
  const dim: Dimension = {
    field: choice.path,
    as: uniqueAlias(dataset, bucket ? `${choice.path}_${bucket}` : choice.path),
    ...(bucket ? { bucket } : {}),
  };
  return { ...dataset, dimensions: [...dataset.dimensions, dim] };
}

/**
 * Changes the date bucket of dimension `index` (undefined = group by the raw value). An alias the
 * designer generated (`order_date_month`) follows the bucket (`order_date_quarter`); a hand-set alias stays.
 */
export function setBucket(dataset: Dataset, index: number, bucket: DateBucket | undefined): Dataset {
  const dim = dataset.dimensions[index];
  if (!dim) return dataset;
  const { bucket: old, ...rest } = dim;
  const root = dim.field.replace(/\./g, '_');
  const generated = dim.as === (old ? `${root}_${old}` : root);
  const others = { ...dataset, dimensions: dataset.dimensions.filter((_, j) => j !== index) };
  const as = generated ? uniqueAlias(others, bucket ? `${root}_${bucket}` : root) : dim.as;
  const next: Dimension = { ...rest, ...(as ? { as } : {}), ...(bucket ? { bucket } : {}) };
  return { ...dataset, dimensions: dataset.dimensions.map((d, j) => (j === index ? next : d)) };
}

/** Adds a measure for a dropped field: numbers are summed, anything else counted distinct. */
export function addMeasure(dataset: Dataset, choice: FieldChoice): Dataset {
  const type = choice.kind === 'number' ? 'sum' : 'count_distinct';
  const measure: Measure = { type, field: choice.path, as: uniqueAlias(dataset, `${type}_${choice.path}`) };
  return { ...dataset, measures: [...dataset.measures, measure] };
}

/** Adds a record count (`count`). */
export function addCount(dataset: Dataset): Dataset {
  return {
    ...dataset,
    measures: [...dataset.measures, { type: 'count', as: uniqueAlias(dataset, 'count') }],
  };
}

/**
 * Chart axes for `type` from the dataset: x = first dimension, series = second, y = all measures,
 * value = the last measure (formulas usually come last, e.g. a rate). Keeps the current spec's choices
 * while they still name aliases of the dataset.
 */
export function chartFor(type: ChartType, dataset: Dataset, current?: ChartSpec): ChartSpec {
  const dims = dataset.dimensions.map((d) => d.as ?? d.field.replace(/\./g, '_'));
  const measures = dataset.measures.map((m) => m.as);
  const keep = (v: string | undefined, from: string[]) => (v && from.includes(v) ? v : undefined);
  const x = keep(current?.x, dims) ?? dims[0];
  const series =
    keep(
      current?.series,
      dims.filter((d) => d !== x),
    ) ?? dims.find((d) => d !== x);
  const value = keep(current?.value, measures) ?? measures[measures.length - 1];
  const y = current?.y?.filter((m) => measures.includes(m));
  return {
    type,
    ...(x ? { x } : {}),
    ...(series && type !== 'pie' && type !== 'donut' && type !== 'funnel' ? { series } : {}),
    y: y && y.length > 0 ? y : measures,
    ...(value ? { value } : {}),
    ...(current?.options ? { options: current.options } : {}),
  };
}

/** Adds `doc` to the app, or replaces the document of the same kind and name. */
export function upsertDocument<D extends ReportDoc | { kind: 'dashboard'; name: string }>(
  app: AppDefinition,
  doc: D,
): AppDefinition {
  const i = app.documents.findIndex((d) => d.kind === doc.kind && d.name === doc.name);
  const documents = [...app.documents];
  if (i >= 0) documents[i] = doc as unknown as AppDefinition['documents'][number];
  else documents.push(doc as unknown as AppDefinition['documents'][number]);
  return { ...app, documents };
}

/** A new report over `entity`: a record count, shown as a bar chart once dimensions arrive. */
export function newReport(name: string, label: I18nText, entity: string): ReportDoc {
  const dataset: Dataset = { entity, dimensions: [], measures: [{ type: 'count', as: 'count' }] };
  return { kind: 'report', schemaVersion: 1, name, label, dataset, chart: chartFor('bar', dataset) };
}
