import { documentsOfKind } from '@lattice/engine';
import type { SharedFilterValues } from '@lattice/report-engine';
import { useState } from 'react';
import { PageMessage } from '../components/page-message';
import { useCurrentApp } from '../lib/current-app';
import { label, useLocale } from '../lib/i18n';
import { linkClick } from '../lib/router';
import { DashboardFilterBar } from './dashboard-filter-bar';
import { readingOrder, tilePlacement } from './dashboard-grid';
import { dt } from './dashboard-text';
import { ReportTile } from './report-tile';
import './dashboards.css';

const filtersKey = (app: string, dashboard: string) => `lattice.dashboard.${app}.${dashboard}`;

function storedFilters(app: string, dashboard: string): SharedFilterValues {
  try {
    const raw = localStorage.getItem(filtersKey(app, dashboard));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as SharedFilterValues)
      : {};
  } catch {
    return {};
  }
}

/**
 * A dashboard of the live app: its shared filters (kept per user and dashboard in localStorage), a
 * refresh button, and its report tiles on a 12-column grid (stacked on narrow screens).
 */
export function DashboardPage(p: { app: string; dashboard: string }) {
  useLocale();
  const { appId, definition, loading, error } = useCurrentApp();
  const [filters, setFilters] = useState<SharedFilterValues>(() => storedFilters(p.app, p.dashboard));
  const [refreshKey, setRefreshKey] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState(() => new Date());
  if (!definition || !appId) return <PageMessage loading={loading} error={error} />;
  const dashboard = documentsOfKind(definition, 'dashboard').find((d) => d.name === p.dashboard);
  if (!dashboard) return <PageMessage error={dt('notFound')} />;
  const reports = new Map(documentsOfKind(definition, 'report').map((r) => [r.name, r]));
  const changeFilters = (next: SharedFilterValues) => {
    setFilters(next);
    localStorage.setItem(filtersKey(appId, dashboard.name), JSON.stringify(next));
  };
  const listHref = `/apps/${appId}/dashboards`;

  return (
    <div className="lt-page db-page" data-dashboard={dashboard.name}>
      <div className="rt-page-head">
        <div>
          <a className="rt-crumb" href={listHref} onClick={linkClick(listHref)}>
            {dt('dashboards')}
          </a>
          <h1>{label(dashboard.label)}</h1>
        </div>
        <div className="rt-row">
          <span className="lt-muted db-refreshed">
            {dt('refreshed', { time: refreshedAt.toLocaleTimeString() })}
          </span>
          <button
            type="button"
            className="lt-btn"
            data-action="refresh"
            onClick={() => {
              setRefreshKey((k) => k + 1);
              setRefreshedAt(new Date());
            }}
          >
            ⟳ {dt('refresh')}
          </button>
        </div>
      </div>
      <DashboardFilterBar
        definition={definition}
        filters={dashboard.filters ?? []}
        values={filters}
        onChange={changeFilters}
      />
      <div className="db-grid">
        {readingOrder(dashboard.tiles).map((tile) => {
          const report = reports.get(tile.report);
          return (
            <div key={tile.id} className="db-cell" style={tilePlacement(tile)} data-tile={tile.id}>
              {report ? (
                <ReportTile
                  app={appId}
                  dashboard={dashboard.name}
                  report={report}
                  filters={filters}
                  refreshKey={refreshKey}
                />
              ) : (
                <section className="db-tile lt-card">
                  <div className="lt-error-banner">{dt('missingReport', { name: tile.report })}</div>
                </section>
              )}
            </div>
          );
        })}
      </div>
      <p className="lt-muted db-hint">{dt('drillHint')}</p>
    </div>
  );
}
