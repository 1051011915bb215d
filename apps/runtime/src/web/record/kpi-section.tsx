import type { AppDefinition, EntityDoc, KpiCard, RecordPageSection } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { formatNumber } from '@lattice/form-builder';
import { useEffect, useState } from 'react';
import { FieldValue } from '../components/field-value';
import { label } from '../lib/i18n';
import { type RecordData, recordsApi } from '../lib/records-api';
import { t } from '../lib/ui-text';

type Kpis = Extract<RecordPageSection, { type: 'kpis' }>;

/** Related records read for one aggregate card; beyond this the card shows "≥". */
const KPI_SCAN_LIMIT = 200;

/** Aggregates a measure over related rows (`count` ignores the measure). */
export function aggregate(
  rows: RecordData[],
  how: NonNullable<KpiCard['related']>['aggregate'],
  measure?: string,
): number | null {
  if (how === 'count') return rows.length;
  const values = rows
    .map((r) => (measure ? r[measure] : null))
    .filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  switch (how) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

function formatKpi(value: number | null, format: KpiCard['format']): string {
  if (value === null) return t('kpiEmpty');
  if (format === 'currency') return formatNumber(value, 'currency');
  if (format === 'percent') return formatNumber(value, 'percent');
  return formatNumber(value, 'number');
}

function RelatedKpi(p: { app: string; definition: AppDefinition; card: KpiCard; id: string }) {
  const rel = p.card.related!;
  const [state, setState] = useState<{ value: number | null; more: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    recordsApi
      .list(p.app, rel.entity, { filter: { '==': [{ var: rel.via }, p.id] }, limit: KPI_SCAN_LIMIT })
      .then(
        (page) =>
          live &&
          setState({
            value: aggregate(page.items, rel.aggregate, rel.measure),
            more: page.nextCursor !== null,
          }),
        () => live && setState({ value: null, more: false }),
      );
    return () => {
      live = false;
    };
  }, [p.app, rel.entity, rel.via, rel.aggregate, rel.measure, p.id]);
  if (!state) return <>…</>;
  return (
    <>
      {state.more && rel.aggregate === 'count' ? '≥ ' : ''}
      {formatKpi(state.value, p.card.format)}
    </>
  );
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
              <RelatedKpi app={p.app} definition={p.definition} card={card} id={p.record.id} />
            ) : (
              t('kpiEmpty')
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
