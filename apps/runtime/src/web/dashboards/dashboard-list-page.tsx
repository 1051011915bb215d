import { documentsOfKind } from '@lattice/engine';
import { PageMessage } from '../components/page-message';
import { useCurrentApp } from '../lib/current-app';
import { label, useLocale } from '../lib/i18n';
import { linkClick } from '../lib/router';
import { dt } from './dashboard-text';
import './dashboards.css';

/** The live app's dashboards as tiles; each opens its dashboard page. */
export function DashboardListPage() {
  useLocale();
  const { appId, definition, loading, error } = useCurrentApp();
  if (!definition || !appId) return <PageMessage loading={loading} error={error} />;
  const dashboards = documentsOfKind(definition, 'dashboard');
  const reports = new Map(documentsOfKind(definition, 'report').map((r) => [r.name, r]));
  return (
    <div className="lt-page">
      <div className="rt-page-head">
        <h1>{dt('dashboards')}</h1>
      </div>
      {dashboards.length === 0 ? (
        <div className="rt-empty-page lt-muted">{dt('noDashboards')}</div>
      ) : (
        <div className="rt-tiles">
          {dashboards.map((d) => {
            const href = `/apps/${appId}/dashboards/${d.name}`;
            const titles = d.tiles.map((t) => label(reports.get(t.report)?.label) || t.report);
            return (
              <a
                key={d.name}
                className="rt-tile"
                href={href}
                data-dashboard={d.name}
                onClick={linkClick(href)}
              >
                <span className="rt-tile-icon">◔</span>
                <strong>{label(d.label)}</strong>
                <span className="rt-tile-desc lt-muted">
                  {dt('charts', { n: d.tiles.length })} · {titles.slice(0, 3).join('、')}
                  {titles.length > 3 ? '…' : ''}
                </span>
              </a>
            );
          })}
        </div>
      )}
    </div>
  );
}
