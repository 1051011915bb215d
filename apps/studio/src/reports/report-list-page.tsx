import { type DashboardDoc, documentsOfKind, type I18nText } from '@lattice/engine';
import { useState } from 'react';
import { ErrorText } from '../components/error-text';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { newReport, upsertDocument } from './report-model';
import { rpt } from './report-text';
import './reports.css';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The draft's reports and dashboards, each opening its designer, plus "new report" / "new dashboard". */
export function ReportListPage(p: { appId: string }) {
  useLocale();
  const { draft, update } = useAppDraft();
  const [creating, setCreating] = useState<'report' | 'dashboard' | null>(null);
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const reports = documentsOfKind(draft, 'report');
  const dashboards = documentsOfKind(draft, 'dashboard');
  const entities = documentsOfKind(draft, 'entity');
  const taken = (kind: 'report' | 'dashboard', name: string) =>
    (kind === 'report' ? reports : dashboards).some((d) => d.name === name);

  return (
    <div className="lt-page rp-list">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{rpt('reportsAndDashboards')}</h1>
        <span className="st-row">
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="new-report"
            disabled={entities.length === 0}
            onClick={() => setCreating('report')}
          >
            + {rpt('newReport')}
          </button>
          <button
            type="button"
            className="lt-btn"
            data-action="new-dashboard"
            onClick={() => setCreating('dashboard')}
          >
            + {rpt('newDashboard')}
          </button>
        </span>
      </div>
      {creating && (
        <NewDocumentForm
          kind={creating}
          entities={entities.map((e) => ({ name: e.name, label: e.label }))}
          taken={(name) => taken(creating, name)}
          onCancel={() => setCreating(null)}
          onCreate={(name, text, entity) => {
            const doc =
              creating === 'report'
                ? newReport(name, text, entity)
                : ({
                    kind: 'dashboard',
                    schemaVersion: 1,
                    name,
                    label: text,
                    tiles: [],
                  } satisfies DashboardDoc);
            update((d) => upsertDocument(d, doc));
            navigate(`/apps/${p.appId}/${creating === 'report' ? 'reports' : 'dashboards'}/${name}`);
          }}
        />
      )}
      <section className="st-section">
        <h2>{rpt('reports')}</h2>
        {reports.length === 0 ? (
          <div className="lt-card st-section lt-muted">{rpt('noReports')}</div>
        ) : (
          <div className="st-grid">
            {reports.map((r) => (
              <button
                type="button"
                key={r.name}
                className="lt-card st-tile"
                data-report={r.name}
                onClick={() => navigate(`/apps/${p.appId}/reports/${r.name}`)}
              >
                <h3>{label(r.label)}</h3>
                <span className="lt-muted">
                  <code>{r.name}</code> · {r.dataset.entity} · <span className="st-tag">{r.chart.type}</span>
                </span>
              </button>
            ))}
          </div>
        )}
      </section>
      <section className="st-section">
        <h2>{rpt('dashboards')}</h2>
        {dashboards.length === 0 ? (
          <div className="lt-card st-section lt-muted">{rpt('noDashboards')}</div>
        ) : (
          <div className="st-grid">
            {dashboards.map((d) => (
              <button
                type="button"
                key={d.name}
                className="lt-card st-tile"
                data-dashboard={d.name}
                onClick={() => navigate(`/apps/${p.appId}/dashboards/${d.name}`)}
              >
                <h3>{label(d.label)}</h3>
                <span className="lt-muted">
                  <code>{d.name}</code> · {rpt('charts', { n: d.tiles.length })}
                </span>
              </button>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function NewDocumentForm(p: {
  kind: 'report' | 'dashboard';
  entities: { name: string; label: I18nText }[];
  taken: (name: string) => boolean;
  onCancel: () => void;
  onCreate: (name: string, label: I18nText, entity: string) => void;
}) {
  const [name, setName] = useState('');
  const [text, setText] = useState<I18nText>({ zh: '', en: '' });
  const [entity, setEntity] = useState(p.entities[0]?.name ?? '');
  const nameError =
    name === ''
      ? undefined
      : !NAME.test(name)
        ? rpt('nameHint')
        : p.taken(name)
          ? rpt('nameTaken')
          : undefined;
  return (
    <form
      className="lt-card st-form"
      style={{ marginBottom: 16 }}
      data-testid={`new-${p.kind}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        if (nameError || !name || !text.zh) return;
        p.onCreate(name, { zh: text.zh, en: text.en || text.zh }, entity);
      }}
    >
      <label>
        {rpt('apiName')}
        <input
          className={`lt-input${nameError ? ' st-input-error' : ''}`}
          data-prop={`${p.kind}.name`}
          value={name}
          placeholder={p.kind === 'report' ? 'sales_funnel' : 'sales_overview'}
          onChange={(e) => setName(e.target.value.trim())}
        />
        <small>{rpt('nameHint')}</small>
        <ErrorText message={nameError} path={`${p.kind}.name`} />
      </label>
      <I18nInputs name={`${p.kind}.label`} value={text} onChange={setText} />
      {p.kind === 'report' && (
        <label>
          {rpt('entity')}
          <select
            className="lt-input"
            data-prop="report.entity"
            value={entity}
            onChange={(e) => setEntity(e.target.value)}
          >
            {p.entities.map((e) => (
              <option key={e.name} value={e.name}>
                {label(e.label)} ({e.name})
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="st-row">
        <button
          type="submit"
          className="lt-btn lt-btn-primary"
          data-action="create"
          disabled={!name || !text.zh || Boolean(nameError)}
        >
          {rpt('create')}
        </button>
        <button type="button" className="lt-btn" onClick={p.onCancel}>
          {rpt('cancel')}
        </button>
      </div>
    </form>
  );
}
