import type { AppDefinition, RecordPageSection } from '@lattice/engine';
import { documentsOfKind } from '@lattice/engine';
import { Chart, type ChartData } from '@lattice/report-engine/react';
import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { useLocale } from '../lib/i18n';
import { t } from '../lib/ui-text';
import { andFilters } from '../views/filter-model';

type ChartSectionDoc = Extract<RecordPageSection, { type: 'chart' }>;

/**
 * A report drawn on a record page: the report's dataset, narrowed to this record through `via`
 * (`POST /api/apps/:app/datasets/run`, so the user's record scopes apply), rendered with ECharts.
 */
export function ChartSection(p: {
  app: string;
  definition: AppDefinition;
  section: ChartSectionDoc;
  id: string;
}) {
  const locale = useLocale();
  const report = documentsOfKind(p.definition, 'report').find((r) => r.name === p.section.report);
  const [result, setResult] = useState<ChartData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!report) return;
    let live = true;
    const filter = andFilters(
      report.dataset.filter,
      p.section.via ? { '==': [{ var: p.section.via }, p.id] } : null,
    );
    const dataset = { ...report.dataset, ...(filter ? { filter } : {}) };
    api<ChartData>('POST', `/api/apps/${encodeURIComponent(p.app)}/datasets/run`, { dataset }).then(
      (r) => live && setResult(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [p.app, report, p.section.via, p.id]);
  if (!report) return <div className="lt-muted">{t('chartUnavailable')}</div>;
  if (error)
    return (
      <div className="lt-muted" title={errorMessage(error)}>
        {t('chartUnavailable')}
      </div>
    );
  if (!result) return <div className="lt-muted">{t('loading')}</div>;
  return <Chart spec={report.chart} result={result} locale={locale} style={{ height: 280 }} />;
}
