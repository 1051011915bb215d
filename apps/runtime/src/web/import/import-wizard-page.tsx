import type { EntityDoc } from '@lattice/engine';
import type { ColumnMapping } from '@lattice/engine/import';
import { useEffect, useMemo, useState } from 'react';
import { toast } from '../components/toast';
import { useCurrentApp } from '../lib/current-app';
import { errorMessage } from '../lib/error-message';
import { getLocale, useLocale } from '../lib/i18n';
import {
  downloadErrorReport,
  type ImportStatus,
  type Inspection,
  importStatus,
  inspectSheet,
  type PreviewRow,
  previewImport,
  type RunSettings,
  savedMappings,
  saveMapping,
  startImport,
  uploadImport,
} from './import-api';
import { imt } from './import-text';
import './import.css';

type Step = 'upload' | 'map' | 'preview' | 'run';
const COMPUTED = new Set(['formula', 'rollup', 'autonumber', 'notes']);

/** Admins: the import wizard — upload, sheet and mapping, preview with per-cell errors, run with live progress. */
export function ImportWizardPage() {
  const locale = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const { appId, definition } = useCurrentApp();
  const entities = useMemo(
    () => (definition?.documents ?? []).filter((d): d is EntityDoc => d.kind === 'entity'),
    [definition],
  );
  const [step, setStep] = useState<Step>('upload');
  const [entityName, setEntityName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [mode, setMode] = useState<'insert' | 'upsert'>('insert');
  const [key, setKey] = useState('');
  const [onError, setOnError] = useState<'skip' | 'abort'>('skip');
  const [triggers, setTriggers] = useState(false);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [saved, setSaved] = useState<{ name: string; mapping: ColumnMapping[] }[]>([]);

  const entity = entities.find((e) => e.name === entityName) ?? entities[0];
  const fields = (entity?.fields ?? []).filter(
    (f) => !COMPUTED.has(f.type) && !('readonly' in f && f.readonly),
  );
  const keyOptions = entity
    ? [...entity.fields.filter((f) => f.unique).map((f) => [f.name]), ...(entity.uniqueKeys ?? [])].map((k) =>
        k.join('+'),
      )
    : [];

  useEffect(() => {
    if (!importId || !appId || step !== 'run') return;
    if (status && (status.status === 'done' || status.status === 'failed')) return;
    const timer = setInterval(() => {
      importStatus(appId, importId).then(setStatus, setError);
    }, 500);
    return () => clearInterval(timer);
  }, [importId, appId, step, status]);

  if (!appId) return <div className="lt-page lt-muted">{imt('noApp')}</div>;
  const label = (name: string | null) => {
    const f = entity?.fields.find((x) => x.name === name);
    return f ? f.label[lang] : '';
  };
  const settings = (): RunSettings => ({
    sheet: inspection!.sheet,
    headerRow: inspection!.headerRow,
    mapping,
    mode,
    key: mode === 'upsert' ? (key || keyOptions[0] || '').split('+').filter(Boolean) : [],
    onError,
    perRowTriggers: triggers,
  });
  const guard = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const doUpload = () =>
    guard(async () => {
      if (!file || !entity) return;
      const res = await uploadImport(appId, entity.name, file);
      setImportId(res.import.id);
      setInspection(res.inspection);
      setMapping(res.inspection.suggested);
      setSaved((await savedMappings(appId, entity.name)).items);
      setStep('map');
    });
  const changeSheet = (sheet: string, headerRow?: number) =>
    guard(async () => {
      const ins = await inspectSheet(appId, importId!, sheet, headerRow);
      setInspection(ins);
      setMapping(ins.suggested);
    });
  const applySaved = (name: string) => {
    const s = saved.find((m) => m.name === name);
    if (!s) return;
    setMapping(
      mapping.map((m) => ({ ...m, field: s.mapping.find((x) => x.header === m.header)?.field ?? m.field })),
    );
  };
  const doSave = () =>
    guard(async () => {
      const name = window.prompt(imt('mappingName'), `${entity?.label[lang] ?? ''}`);
      if (!name || !entity) return;
      await saveMapping(appId, entity.name, name, mapping);
      setSaved((await savedMappings(appId, entity.name)).items);
      toast.success(imt('saved'));
    });
  const doPreview = () =>
    guard(async () => {
      setPreview((await previewImport(appId, importId!, settings())).rows);
      setStep('preview');
    });
  const doRun = () =>
    guard(async () => {
      setStatus(await startImport(appId, importId!, settings()));
      setStep('run');
    });
  const reset = () => {
    setStep('upload');
    setFile(null);
    setImportId(null);
    setInspection(null);
    setPreview(null);
    setStatus(null);
  };

  const steps: Step[] = ['upload', 'map', 'preview', 'run'];
  return (
    <div className="lt-page imp-page" data-testid="import-wizard">
      <div className="rt-page-head">
        <div>
          <h1>{imt('title')}</h1>
          <div className="lt-muted">{imt('hint')}</div>
        </div>
      </div>
      <ol className="imp-steps">
        {steps.map((s, i) => (
          <li key={s} className={s === step ? 'active' : steps.indexOf(step) > i ? 'done' : ''}>
            <span>{i + 1}</span> {imt(`step${i + 1}` as 'step1')}
          </li>
        ))}
      </ol>
      {error ? (
        <div className="lt-error-banner" role="alert" data-testid="import-error">
          {errorMessage(error)}
        </div>
      ) : null}

      {step === 'upload' && (
        <div className="lt-card imp-card">
          <label className="imp-field">
            <span>{imt('entity')}</span>
            <select
              className="lt-input"
              value={entity?.name ?? ''}
              onChange={(e) => setEntityName(e.target.value)}
              data-testid="import-entity"
            >
              {entities.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="imp-field">
            <span>{imt('file')}</span>
            <input
              type="file"
              accept=".xlsx,.csv,.txt,.tsv"
              data-testid="import-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <div className="imp-actions">
            <button
              type="button"
              className="lt-btn lt-btn-primary"
              disabled={!file || busy}
              onClick={doUpload}
              data-testid="import-upload"
            >
              {busy ? imt('uploading') : imt('upload')}
            </button>
          </div>
        </div>
      )}

      {step === 'map' && inspection && (
        <div className="lt-card imp-card">
          <div className="imp-row">
            <label className="imp-field">
              <span>{imt('sheet')}</span>
              <select
                className="lt-input"
                value={inspection.sheet}
                onChange={(e) => changeSheet(e.target.value)}
                data-testid="import-sheet"
              >
                {inspection.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="imp-field imp-narrow">
              <span>{imt('headerRow')}</span>
              <input
                className="lt-input"
                type="number"
                min={1}
                value={inspection.headerRow}
                onChange={(e) => changeSheet(inspection.sheet, Number(e.target.value) || 1)}
              />
            </label>
            {saved.length > 0 && (
              <label className="imp-field">
                <span>{imt('savedMapping')}</span>
                <select className="lt-input" defaultValue="" onChange={(e) => applySaved(e.target.value)}>
                  <option value="">{imt('none')}</option>
                  {saved.map((m) => (
                    <option key={m.name}>{m.name}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <div className="rt-table-wrap">
            <table className="lt-table imp-mapping" data-testid="import-mapping">
              <thead>
                <tr>
                  <th>{imt('column')}</th>
                  <th>{imt('sample')}</th>
                  <th>{imt('field')}</th>
                </tr>
              </thead>
              <tbody>
                {mapping.map((m, i) => (
                  <tr key={m.column}>
                    <td>{m.header}</td>
                    <td className="lt-muted imp-sample">
                      {inspection.sample
                        .slice(0, 2)
                        .map((r) => r[m.column])
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                    <td>
                      <select
                        className="lt-input"
                        data-column={m.header}
                        value={m.field ?? ''}
                        onChange={(e) =>
                          setMapping(
                            mapping.map((x, j) => (j === i ? { ...x, field: e.target.value || null } : x)),
                          )
                        }
                      >
                        <option value="">{imt('ignore')}</option>
                        {fields.map((f) => (
                          <option key={f.name} value={f.name}>
                            {f.label[lang]}
                            {f.required ? ` · ${imt('required')}` : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="imp-row">
            <label className="imp-field">
              <span>{imt('mode')}</span>
              <select
                className="lt-input"
                value={mode}
                onChange={(e) => setMode(e.target.value as 'insert' | 'upsert')}
                data-testid="import-mode"
              >
                <option value="insert">{imt('insert')}</option>
                <option value="upsert" disabled={keyOptions.length === 0}>
                  {imt('upsert')}
                </option>
              </select>
            </label>
            {mode === 'upsert' && (
              <label className="imp-field">
                <span>{imt('key')}</span>
                <select
                  className="lt-input"
                  value={key || keyOptions[0]}
                  onChange={(e) => setKey(e.target.value)}
                >
                  {keyOptions.map((k) => (
                    <option key={k} value={k}>
                      {k.split('+').map(label).join(' + ')}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="imp-field">
              <span>{imt('onError')}</span>
              <select
                className="lt-input"
                value={onError}
                onChange={(e) => setOnError(e.target.value as 'skip' | 'abort')}
                data-testid="import-on-error"
              >
                <option value="skip">{imt('skip')}</option>
                <option value="abort">{imt('abort')}</option>
              </select>
            </label>
          </div>
          <label className="imp-check">
            <input type="checkbox" checked={triggers} onChange={(e) => setTriggers(e.target.checked)} />{' '}
            {imt('triggers')}
          </label>
          <div className="imp-actions">
            <button type="button" className="lt-btn" onClick={reset}>
              {imt('back')}
            </button>
            <button type="button" className="lt-btn" onClick={doSave} disabled={busy}>
              {imt('saveAs')}
            </button>
            <button
              type="button"
              className="lt-btn lt-btn-primary"
              onClick={doPreview}
              disabled={busy}
              data-testid="import-preview"
            >
              {imt('preview')}
            </button>
          </div>
        </div>
      )}

      {step === 'preview' && preview && (
        <div className="lt-card imp-card">
          <div className="lt-muted">{imt('previewHint')}</div>
          <div className="rt-table-wrap">
            <table className="lt-table imp-preview" data-testid="import-preview-table">
              <thead>
                <tr>
                  <th>{imt('row')}</th>
                  <th>{imt('action')}</th>
                  {mapping
                    .filter((m) => m.field)
                    .map((m) => (
                      <th key={m.column}>{label(m.field)}</th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {preview.map((r) => (
                  <tr key={r.row} data-row={r.row} className={r.action === 'error' ? 'imp-bad' : ''}>
                    <td>{r.row}</td>
                    <td>
                      <span className={`lt-badge imp-a-${r.action}`}>
                        {imt(`a_${r.action}` as 'a_insert')}
                      </span>
                    </td>
                    {mapping.map((m, i) => {
                      if (!m.field) return null;
                      const errs = r.errors.filter((e) => e.field === m.field);
                      return (
                        <td
                          key={m.column}
                          className={errs.length ? 'imp-cell-error' : ''}
                          title={errs.map((e) => e.reason[lang]).join('\n')}
                        >
                          {r.cells[i]}
                          {errs.map((e) => (
                            <div key={e.reason.en} className="imp-reason" data-testid="cell-error">
                              {e.reason[lang]}
                            </div>
                          ))}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.some((r) => r.errors.some((e) => !e.field)) && (
            <ul className="imp-row-errors">
              {preview.flatMap((r) =>
                r.errors
                  .filter((e) => !e.field)
                  .map((e) => (
                    <li key={`${r.row}${e.reason.en}`}>{`${imt('row')} ${r.row}: ${e.reason[lang]}`}</li>
                  )),
              )}
            </ul>
          )}
          <div className="imp-actions">
            <button type="button" className="lt-btn" onClick={() => setStep('map')}>
              {imt('back')}
            </button>
            <button
              type="button"
              className="lt-btn lt-btn-primary"
              onClick={doRun}
              disabled={busy}
              data-testid="import-run"
            >
              {imt('run')}
            </button>
          </div>
        </div>
      )}

      {step === 'run' && status && (
        <RunPanel status={status} lang={lang} appId={appId} entity={entity?.name ?? ''} onAgain={reset} />
      )}
    </div>
  );
}

function RunPanel(p: {
  status: ImportStatus;
  lang: 'zh' | 'en';
  appId: string;
  entity: string;
  onAgain: () => void;
}) {
  const s = p.status;
  const live = s.progress;
  const done = live?.rowsDone ?? s.rowsDone;
  const total = live?.totalRows ?? s.totalRows;
  const counts = live ?? s.counts;
  const finished = s.status === 'done' || s.status === 'failed';
  const share = finished ? 1 : total ? Math.min(1, done / total) : 0;
  const n = (x: number) => x.toLocaleString(getLocale() === 'en' ? 'en-US' : 'zh-CN');
  const eta = live?.etaSeconds ?? null;
  return (
    <div className="lt-card imp-card" data-testid="import-run-panel" data-status={s.status}>
      <h2>{finished ? (s.status === 'done' ? imt('done') : imt('failed')) : imt('running')}</h2>
      <div
        className="imp-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <div className="imp-stats lt-muted">
        <span>{imt('rows', { done: n(done), total: total === null ? '?' : n(total) })}</span>
        {live && <span>{imt('rate', { rate: n(live.rowsPerSecond) })}</span>}
        {eta !== null && !finished && <span>{imt('eta', { eta: `${eta}s` })}</span>}
      </div>
      {s.message && <div className="lt-error-banner">{s.message[p.lang]}</div>}
      <div className="imp-counts" data-testid="import-counts">
        <div>
          <b data-count="inserted">{n(counts.inserted)}</b>
          {imt('inserted')}
        </div>
        <div>
          <b data-count="updated">{n(counts.updated)}</b>
          {imt('updated')}
        </div>
        <div>
          <b data-count="skipped">{n(counts.skipped)}</b>
          {imt('skippedCount')}
        </div>
        <div className={counts.failed ? 'imp-bad' : ''}>
          <b data-count="failed">{n(counts.failed)}</b>
          {imt('failedCount')}
        </div>
      </div>
      {finished && (
        <div className="imp-actions">
          {s.counts.failed > 0 && (
            <button
              type="button"
              className="lt-btn"
              data-testid="import-report"
              onClick={() =>
                downloadErrorReport(p.appId, s.id, `${s.fileName.replace(/\.[^.]+$/, '')}-errors.xlsx`).catch(
                  (e) => toast.error(errorMessage(e)),
                )
              }
            >
              {imt('report')}
            </button>
          )}
          <a className="lt-btn" href={`/apps/${encodeURIComponent(p.appId)}/e/${p.entity}`}>
            {imt('openList')}
          </a>
          <button type="button" className="lt-btn lt-btn-primary" onClick={p.onAgain}>
            {imt('again')}
          </button>
        </div>
      )}
    </div>
  );
}
