import type { ReportDoc } from '@lattice/engine';
import type { SharedFilterValues } from '@lattice/report-engine';
import { Chart, exportChartPng, type PngExportable } from '@lattice/report-engine/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from '../components/toast';
import { errorMessage } from '../lib/error-message';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { dt } from './dashboard-text';
import { drillHref } from './drill-link';
import { downloadReport, type ReportRun, runReport } from './reports-api';

/**
 * One report on a dashboard: runs it with the shared filter values (again when they change or on
 * `refreshKey`), draws it with the report-engine `<Chart>`, and offers xlsx/csv/PNG export. Clicking a
 * data point opens the record list behind it.
 */
export function ReportTile(p: {
  app: string;
  dashboard?: string;
  report: ReportDoc;
  filters: SharedFilterValues;
  refreshKey: number;
}) {
  const locale = useLocale();
  const { app, dashboard, report, filters } = p;
  const [run, setRun] = useState<ReportRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [menu, setMenu] = useState(false);
  const chart = useRef<PngExportable | null>(null);
  const filterKey = JSON.stringify(filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters; refreshKey forces a rerun
  useEffect(() => {
    let live = true;
    setLoading(true);
    runReport(app, report.name, { ...(dashboard ? { dashboard } : {}), filters })
      .then((r) => {
        if (!live) return;
        setRun(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [app, dashboard, report.name, filterKey, p.refreshKey]);

  const onInstance = useCallback((instance: PngExportable | null) => {
    chart.current = instance;
  }, []);

  const exportData = (format: 'xlsx' | 'csv') => {
    setMenu(false);
    downloadReport(app, report.name, format, { ...(dashboard ? { dashboard } : {}), filters }).catch(
      (e: unknown) => toast.error(`${dt('exportFailed')}: ${errorMessage(e)}`),
    );
  };
  const exportPng = () => {
    setMenu(false);
    if (chart.current) exportChartPng(chart.current, label(report.label) || report.name);
  };
  const canvas = !['table', 'pivot'].includes(report.chart.type);

  return (
    <section className="db-tile lt-card" data-report={report.name} aria-busy={loading}>
      <header className="db-tile-head">
        <h2 title={label(report.label)}>{label(report.label)}</h2>
        {loading && <span className="db-spinner" aria-hidden />}
        <div className="db-tile-actions">
          <button
            type="button"
            className="rt-icon-btn db-menu-btn"
            aria-label={dt('more')}
            aria-expanded={menu}
            data-action="tile-menu"
            onClick={() => setMenu(!menu)}
          >
            ⋯
          </button>
          {menu && (
            <div className="db-menu" role="menu">
              <button
                type="button"
                role="menuitem"
                data-action="export-xlsx"
                onClick={() => exportData('xlsx')}
              >
                {dt('exportXlsx')}
              </button>
              <button
                type="button"
                role="menuitem"
                data-action="export-csv"
                onClick={() => exportData('csv')}
              >
                {dt('exportCsv')}
              </button>
              {canvas && (
                <button type="button" role="menuitem" data-action="export-png" onClick={exportPng}>
                  {dt('exportPng')}
                </button>
              )}
            </div>
          )}
        </div>
      </header>
      <div className="db-tile-body">
        {error !== null ? (
          <div className="lt-error-banner" role="alert">
            {errorMessage(error)}
          </div>
        ) : run && run.rows.length === 0 ? (
          <div className="db-empty lt-muted">{dt('noData')}</div>
        ) : run ? (
          <Chart
            spec={report.chart}
            result={run}
            locale={locale}
            className="db-chart"
            style={{ width: '100%', height: '100%' }}
            onInstance={onInstance}
            onDrill={(cell) => navigate(drillHref(app, report.dataset, cell, run.extraFilter))}
          />
        ) : null}
      </div>
    </section>
  );
}
