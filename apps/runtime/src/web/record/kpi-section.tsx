import type { AppDefinition, Dataset, EntityDoc, KpiCard, Measure, RecordPageSection } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { formatNumber } from '@lattice/form-builder';
import { useEffect, useState } from 'react';
import { FieldValue } from '../components/field-value';
import { api } from '../lib/api';
import { label } from '../lib/i18n';
import type { RecordData } from '../lib/records-api';
import { t } from '../lib/ui-text';
import { andFilters } from '../views/filter-model';

type Kpis = Extract<RecordPageSection, { type: 'kpis' }>;

/**
 * The dataset that computes one related-records card in the database (all rows, not a page of them),
 * through `POST /api/apps/:app/datasets/run` so the user's record scopes apply.
 */
function kpiDataset(rel: NonNullable<KpiCard['related']>, recordId: string): Dataset {
  const measure: Measure =
    rel.aggregate === 'count' || !rel.measure
      ? { type: 'count', as: 'value' }
      : { type: rel.aggregate, field: rel.measure, as: 'value' };
  return {
    entity: rel.entity,
    filter: andFilters(rel.filter, { '==': [{ var: rel.via }, recordId] })!,
    dimensions: [],
    measures: [measure],
  };
}

function formatKpi(value: number | null, format: KpiCard['format']): string {
  if (value === null) return t('kpiEmpty');
  if (format === 'currency') return formatNumber(value, 'currency');
  if (format === 'percent') return formatNumber(value, 'percent');
  return formatNumber(value, 'number');
}

function RelatedKpi(p: { app: string; card: KpiCard; id: string }) {
  const rel = p.card.related!;
  const [value, setValue] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const dataset = kpiDataset(rel, p.id);
    api<{ rows: Record<string, unknown>[] }>('POST', `/api/apps/${encodeURIComponent(p.app)}/datasets/run`, {
      dataset,
    }).then(
      (r) => {
        const v = r.rows[0]?.value;
        if (live) setValue(typeof v === 'number' ? v : null);
      },
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [p.app, rel, p.id]);
  if (value === undefined) return <>…</>;
  return <>{formatKpi(value, p.card.format)}</>;
}

/** KPI cards: a field of the record, or an aggregate over related records. */
export function KpiSection(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  section: Kpis;
  record: RecordData;
}) {
  return (
    <div className="rt-kpis">
      {p.section.cards.map((card) => (
        <div key={label(card.label)} className="rt-kpi" data-kpi={card.field ?? card.related?.entity}>
          <div className="rt-kpi-label">{label(card.label)}</div>
          <div className="rt-kpi-value">
            {card.field ? (
              typeof p.record[card.field] === 'number' && card.format && card.format !== 'text' ? (
                formatKpi(p.record[card.field] as number, card.format)
              ) : (
                <FieldValue app={p.app} entity={p.entity} name={card.field} value={p.record[card.field]} />
              )
            ) : card.related && findEntity(p.definition, card.related.entity) ? (
              <RelatedKpi app={p.app} card={card} id={p.record.id} />
            ) : (
              t('kpiEmpty')
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
