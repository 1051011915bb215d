import { DndContext, type DragEndEvent, useDraggable, useDroppable } from '@dnd-kit/core';
import {
  CHART_TYPES,
  type ChartType,
  type Dataset,
  type DateBucket,
  documentsOfKind,
  type Measure,
  type ReportDoc,
} from '@lattice/engine';
import { useDesignerSensors } from '@lattice/form-builder';
import { DATE_BUCKETS } from '@lattice/report-engine';
import { useState } from 'react';
import { I18nInputs } from '../components/i18n-inputs';
import { JsonTextInput } from '../components/json-text-input';
import { useAppDraft } from '../lib/app-draft';
import { errorsByPath } from '../lib/errors-by-path';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { CHART_TYPE_LABELS } from './chart-type-labels';
import { formulaText, isError, parseFormula } from './parse-formula';
import {
  addCount,
  addDimension,
  addMeasure,
  chartFor,
  type FieldChoice,
  fieldChoices,
  setBucket,
  uniqueAlias,
  upsertDocument,
} from './report-model';
import { ReportPreview } from './report-preview';
import { rpt } from './report-text';
import './reports.css';
import { withOptional } from '../model/with-optional';

const WELL_DIMENSIONS = 'well:dimensions';
const WELL_MEASURES = 'well:measures';
const FIELD_AGGREGATES = ['count_distinct', 'sum', 'avg', 'min', 'max'] as const;
const AGG_LABELS: Record<string, { zh: string; en: string }> = {
  count: { zh: '计数', en: 'Count' },
  count_distinct: { zh: '去重计数', en: 'Distinct count' },
  sum: { zh: '求和', en: 'Sum' },
  avg: { zh: '平均', en: 'Average' },
  min: { zh: '最小', en: 'Min' },
  max: { zh: '最大', en: 'Max' },
  formula: { zh: '公式', en: 'Formula' },
};
const BUCKET_LABELS: Record<DateBucket, { zh: string; en: string }> = {
  day: { zh: '按日', en: 'Day' },
  week: { zh: '按周', en: 'Week' },
  month: { zh: '按月', en: 'Month' },
  quarter: { zh: '按季度', en: 'Quarter' },
  year: { zh: '按年', en: 'Year' },
};

/**
 * The report designer: pick fields from the entity's palette and drag them onto the dimension and
 * measure wells (dnd-kit, keyboard too), tune buckets/aggregates/formulas, pick a chart type and its
 * axes, and watch the live preview (the server runs the unsaved dataset on published data, with the
 * user's permissions). Edits go into the draft; "Save" PUTs it and shows the server's errors in place.
 */
export function ReportDesignerPage(p: { appId: string; report: string }) {
  const locale = useLocale();
  const { draft, update, save, errors, saving } = useAppDraft();
  const sensors = useDesignerSensors();
  const [savedAt, setSavedAt] = useState<'ok' | 'failed' | null>(null);
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const index = draft.documents.findIndex((d) => d.kind === 'report' && d.name === p.report);
  const doc = index >= 0 ? (draft.documents[index] as ReportDoc) : null;
  if (!doc) return <div className="lt-page lt-error-banner">{rpt('notFound')}</div>;
  const serverErrors = errorsByPath(errors, `documents.${index}`);
  const choices = fieldChoices(draft, doc.dataset.entity);
  const entities = documentsOfKind(draft, 'entity');

  const setDoc = (next: ReportDoc) => {
    setSavedAt(null);
    update((d) => upsertDocument(d, next));
  };
  const setDataset = (dataset: Dataset) =>
    setDoc({ ...doc, dataset, chart: chartFor(doc.chart.type, dataset, doc.chart) });
  const onDragEnd = (e: DragEndEvent) => {
    const choice = (e.active.data.current as { choice?: FieldChoice } | undefined)?.choice;
    if (!choice || !e.over) return;
    if (e.over.id === WELL_DIMENSIONS) setDataset(addDimension(doc.dataset, choice));
    if (e.over.id === WELL_MEASURES) setDataset(addMeasure(doc.dataset, choice));
  };
  const labelOf = (path: string) => {
    const c = choices.find((x) => x.path === path);
    return c ? (c.group ? `${label(c.group)} · ${label(c.label)}` : label(c.label)) : path;
  };
  const aliases = {
    dims: doc.dataset.dimensions.map((d) => d.as ?? d.field.replace(/\./g, '_')),
    measures: doc.dataset.measures.map((m) => m.as),
  };

  return (
    <div className="lt-page rp-designer" data-report={doc.name}>
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <div>
          <button type="button" className="st-link" onClick={() => navigate(`/apps/${p.appId}/reports`)}>
            ← {rpt('back')}
          </button>
          <h1 style={{ margin: '4px 0 0' }}>
            {label(doc.label) || doc.name} <code className="lt-muted rp-name">{doc.name}</code>
          </h1>
        </div>
        <span className="st-row">
          {savedAt === 'ok' && <span className="st-status">{rpt('saved')}</span>}
          {savedAt === 'failed' && <span className="st-field-error">{rpt('saveFailed')}</span>}
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="save-report"
            disabled={saving}
            onClick={() => void save().then((ok) => setSavedAt(ok ? 'ok' : 'failed'))}
          >
            {rpt('save')}
          </button>
        </span>
      </div>
      <div className="lt-card rp-head">
        <I18nInputs
          name="label"
          value={doc.label}
          errors={serverErrors}
          onChange={(text) => setDoc({ ...doc, label: text })}
        />
        <label className="st-field">
          {rpt('entity')}
          <select
            className="lt-input"
            data-prop="report.entity"
            value={doc.dataset.entity}
            onChange={(e) =>
              setDataset({
                entity: e.target.value,
                dimensions: [],
                measures: [{ type: 'count', as: 'count' }],
              })
            }
          >
            {entities.map((e) => (
              <option key={e.name} value={e.name}>
                {label(e.label)} ({e.name})
              </option>
            ))}
          </select>
        </label>
      </div>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="rp-body">
          <aside className="lt-card rp-palette" data-testid="report-palette">
            <h3>{rpt('fields')}</h3>
            <p className="lt-muted rp-hint">{rpt('fieldsHint')}</p>
            <FieldGroups choices={choices} />
          </aside>
          <div className="rp-main">
            <Well
              id={WELL_DIMENSIONS}
              title={rpt('dimensions')}
              testId="well-dimensions"
              error={serverErrors['dataset.dimensions']}
            >
              {doc.dataset.dimensions.map((dim, i) => (
                <span
                  key={dim.as ?? dim.field}
                  className={`st-chip rp-chip${serverErrors[`dataset.dimensions.${i}.field`] ? ' is-error' : ''}`}
                  data-dimension={dim.as ?? dim.field}
                  title={
                    serverErrors[`dataset.dimensions.${i}.field`] ??
                    serverErrors[`dataset.dimensions.${i}.bucket`]
                  }
                >
                  {labelOf(dim.field)}
                  {(choices.find((c) => c.path === dim.field)?.kind === 'date' ||
                    choices.find((c) => c.path === dim.field)?.kind === 'datetime' ||
                    dim.bucket) && (
                    <select
                      className="rp-mini-select"
                      aria-label="bucket"
                      data-prop={`dimensions.${i}.bucket`}
                      value={dim.bucket ?? ''}
                      onChange={(e) => {
                        const bucket = e.target.value as DateBucket | '';
                        setDataset(setBucket(doc.dataset, i, bucket || undefined));
                      }}
                    >
                      <option value="">—</option>
                      {DATE_BUCKETS.map((b) => (
                        <option key={b} value={b}>
                          {label(BUCKET_LABELS[b])}
                        </option>
                      ))}
                    </select>
                  )}
                  <code className="rp-alias">{dim.as}</code>
                  <button
                    type="button"
                    className="st-chip-remove"
                    aria-label={rpt('remove')}
                    onClick={() =>
                      setDataset({
                        ...doc.dataset,
                        dimensions: doc.dataset.dimensions.filter((_, j) => j !== i),
                      })
                    }
                  >
                    ×
                  </button>
                </span>
              ))}
            </Well>
            <Well
              id={WELL_MEASURES}
              title={rpt('measures')}
              testId="well-measures"
              error={serverErrors['dataset.measures']}
            >
              {doc.dataset.measures.map((m, i) => (
                <MeasureChip
                  // biome-ignore lint/suspicious/noArrayIndexKey: the alias is edited in place; keying on it would drop focus
                  key={i}
                  measure={m}
                  fieldLabel={'field' in m ? labelOf(m.field) : ''}
                  error={
                    serverErrors[`dataset.measures.${i}.field`] ??
                    serverErrors[`dataset.measures.${i}.expression`] ??
                    serverErrors[`dataset.measures.${i}`]
                  }
                  onChange={(next) =>
                    setDataset({
                      ...doc.dataset,
                      measures: doc.dataset.measures.map((x, j) => (j === i ? next : x)),
                    })
                  }
                  onRemove={() =>
                    setDataset({ ...doc.dataset, measures: doc.dataset.measures.filter((_, j) => j !== i) })
                  }
                />
              ))}
              <span className="rp-well-actions">
                <button
                  type="button"
                  className="lt-btn rp-small"
                  data-action="add-count"
                  onClick={() => setDataset(addCount(doc.dataset))}
                >
                  {rpt('addCount')}
                </button>
                <FormulaAdder
                  onAdd={(expression, alias) =>
                    setDataset({
                      ...doc.dataset,
                      measures: [
                        ...doc.dataset.measures,
                        { type: 'formula', expression, as: uniqueAlias(doc.dataset, alias || 'formula') },
                      ],
                    })
                  }
                />
              </span>
            </Well>
            <div className="lt-card rp-chart-types" data-testid="chart-types">
              <h3>{rpt('chartType')}</h3>
              <div className="rp-type-grid">
                {CHART_TYPES.map((type: ChartType) => (
                  <button
                    type="button"
                    key={type}
                    className={`rp-type${doc.chart.type === type ? ' is-active' : ''}`}
                    data-chart-type={type}
                    aria-pressed={doc.chart.type === type}
                    onClick={() => setDoc({ ...doc, chart: chartFor(type, doc.dataset, doc.chart) })}
                  >
                    <span className="rp-type-icon">{CHART_TYPE_LABELS[type].icon}</span>
                    {label(CHART_TYPE_LABELS[type])}
                  </button>
                ))}
              </div>
              <div className="st-row rp-axes">
                <AxisSelect
                  name="x"
                  title={rpt('axisX')}
                  value={doc.chart.x}
                  options={aliases.dims}
                  onChange={(x) => setDoc({ ...doc, chart: { ...doc.chart, ...(x ? { x } : {}) } })}
                />
                <AxisSelect
                  name="series"
                  title={rpt('axisSeries')}
                  value={doc.chart.series}
                  options={aliases.dims}
                  optional
                  onChange={(series) => {
                    const { series: _s, ...rest } = doc.chart;
                    setDoc({ ...doc, chart: series ? { ...rest, series } : rest });
                  }}
                />
                <AxisSelect
                  name="value"
                  title={rpt('axisValue')}
                  value={doc.chart.value}
                  options={aliases.measures}
                  onChange={(value) =>
                    setDoc({ ...doc, chart: { ...doc.chart, ...(value ? { value } : {}) } })
                  }
                />
                <label className="st-field">
                  {rpt('valueFormat')}
                  <select
                    className="lt-input"
                    data-prop="chart.options.format"
                    value={doc.chart.options?.format === 'percent' ? 'percent' : ''}
                    onChange={(e) => {
                      const { format: _f, ...options } = doc.chart.options ?? {};
                      const next = e.target.value ? { ...options, format: e.target.value } : options;
                      const { options: _o, ...chart } = doc.chart;
                      setDoc({
                        ...doc,
                        chart: Object.keys(next).length > 0 ? { ...chart, options: next } : chart,
                      });
                    }}
                  >
                    <option value="">{rpt('formatNumber')}</option>
                    <option value="percent">{rpt('formatPercent')}</option>
                  </select>
                </label>
              </div>
            </div>
            <details className="lt-card rp-advanced">
              <summary>{rpt('filter')}</summary>
              <JsonTextInput
                name="dataset.filter"
                value={doc.dataset.filter}
                onChange={(filter) => setDataset(withOptional(doc.dataset, 'filter', filter))}
              />
              <label className="st-field">
                {rpt('having')}
                <JsonTextInput
                  name="dataset.having"
                  value={doc.dataset.having}
                  onChange={(having) => setDataset(withOptional(doc.dataset, 'having', having))}
                />
              </label>
              <label className="st-field">
                {rpt('limit')}
                <input
                  className="lt-input"
                  type="number"
                  min={1}
                  data-prop="dataset.limit"
                  value={doc.dataset.limit ?? ''}
                  onChange={(e) => {
                    const { limit: _l, ...rest } = doc.dataset;
                    const n = Number(e.target.value);
                    setDataset(e.target.value && n > 0 ? { ...rest, limit: Math.trunc(n) } : rest);
                  }}
                />
              </label>
            </details>
            <ReportPreview appId={p.appId} report={doc} locale={locale} />
          </div>
        </div>
      </DndContext>
    </div>
  );
}

function FieldGroups(p: { choices: FieldChoice[] }) {
  const groups = new Map<string, FieldChoice[]>();
  for (const c of p.choices) {
    const key = c.group ? label(c.group) : '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return (
    <>
      {[...groups.entries()].map(([group, list]) => (
        <div key={group || '_'} className="rp-group">
          {group && <h4>→ {group}</h4>}
          <div className="st-palette">
            {list.map((c) => (
              <PaletteField key={c.path} choice={c} />
            ))}
          </div>
        </div>
      ))}
    </>
  );
}

const KIND_ICON: Record<string, string> = {
  number: '#',
  date: '▦',
  datetime: '◷',
  boolean: '☑',
  string: 'Aa',
};

function PaletteField(p: { choice: FieldChoice }) {
  const { attributes, listeners, setNodeRef, isDragging, transform } = useDraggable({
    id: `field:${p.choice.path}`,
    data: { choice: p.choice },
  });
  return (
    <span
      ref={setNodeRef}
      className={`st-chip is-palette${isDragging ? ' is-dragging' : ''}`}
      data-field={p.choice.path}
      style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined}
      {...attributes}
      {...listeners}
    >
      <span className="rp-kind">{KIND_ICON[p.choice.kind] ?? '·'}</span>
      {label(p.choice.label)}
    </span>
  );
}

function Well(p: {
  id: string;
  title: string;
  testId: string;
  error?: string | undefined;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: p.id });
  return (
    <div className="lt-card rp-well">
      <h3>{p.title}</h3>
      <div ref={setNodeRef} className={`st-zone${isOver ? ' is-over' : ''}`} data-testid={p.testId}>
        {p.children}
        <span className="lt-muted rp-drop-hint">{rpt('dropHere')}</span>
      </div>
      {p.error && <span className="st-field-error">{p.error}</span>}
    </div>
  );
}

function MeasureChip(p: {
  measure: Measure;
  fieldLabel: string;
  error: string | undefined;
  onChange: (m: Measure) => void;
  onRemove: () => void;
}) {
  const m = p.measure;
  return (
    <span className={`st-chip rp-chip${p.error ? ' is-error' : ''}`} data-measure={m.as} title={p.error}>
      {m.type === 'formula' ? (
        <span className="rp-formula">ƒ {formulaText(m.expression)}</span>
      ) : m.type === 'count' ? (
        label(AGG_LABELS.count)
      ) : (
        <>
          <select
            className="rp-mini-select"
            aria-label="aggregate"
            value={m.type}
            onChange={(e) => p.onChange({ ...m, type: e.target.value as (typeof FIELD_AGGREGATES)[number] })}
          >
            {FIELD_AGGREGATES.map((a) => (
              <option key={a} value={a}>
                {label(AGG_LABELS[a])}
              </option>
            ))}
          </select>
          {p.fieldLabel}
        </>
      )}
      <input
        className="rp-alias-input"
        aria-label={rpt('alias')}
        data-prop={`measure.${m.as}.as`}
        value={m.as}
        onChange={(e) => p.onChange({ ...m, as: e.target.value.replace(/[^a-z0-9_]/g, '') })}
      />
      <button type="button" className="st-chip-remove" aria-label={rpt('remove')} onClick={p.onRemove}>
        ×
      </button>
    </span>
  );
}

function FormulaAdder(p: {
  onAdd: (expression: Exclude<ReturnType<typeof parseFormula>, { at: number }>, alias: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [alias, setAlias] = useState('');
  const parsed = text.trim() ? parseFormula(text) : null;
  const error = parsed && isError(parsed) ? label(parsed.message) : null;
  if (!open)
    return (
      <button
        type="button"
        className="lt-btn rp-small"
        data-action="add-formula"
        onClick={() => setOpen(true)}
      >
        {rpt('addFormula')}
      </button>
    );
  return (
    <span className="rp-formula-form">
      <input
        className="lt-input"
        data-prop="formula.as"
        placeholder={rpt('alias')}
        value={alias}
        onChange={(e) => setAlias(e.target.value.replace(/[^a-z0-9_]/g, ''))}
        style={{ width: 130 }}
      />
      <input
        className={`lt-input${error ? ' st-input-error' : ''}`}
        data-prop="formula.expression"
        placeholder={rpt('formulaPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 240 }}
      />
      <button
        type="button"
        className="lt-btn lt-btn-primary rp-small"
        data-action="confirm-formula"
        disabled={!parsed || Boolean(error)}
        onClick={() => {
          if (!parsed || isError(parsed)) return;
          p.onAdd(parsed, alias);
          setText('');
          setAlias('');
          setOpen(false);
        }}
      >
        ✓
      </button>
      {error && <span className="st-field-error">{error}</span>}
    </span>
  );
}

function AxisSelect(p: {
  name: string;
  title: string;
  value: string | undefined;
  options: string[];
  optional?: boolean;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <label className="st-field">
      {p.title}
      <select
        className="lt-input"
        data-prop={`chart.${p.name}`}
        value={p.value ?? ''}
        onChange={(e) => p.onChange(e.target.value || undefined)}
      >
        {(p.optional || !p.value) && <option value="">{rpt('none')}</option>}
        {p.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
