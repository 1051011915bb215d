import type { PackUpgradeChange } from '@lattice/engine';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import { label, useLocale } from '../lib/i18n';
import type { AppSummary } from '../lib/studio-api';
import { studioApi } from '../lib/studio-api';
import { pt } from './pack-text';
import { type InstalledPack, type PackCheck, type PackUpgradePreview, packsApi } from './packs-api';

/** A failure to show: the message and, for pack/validation errors, each `file:path` problem. */
interface Failure {
  message: string;
  details: { path: string; message: string }[];
}

function toFailure(e: unknown): Failure {
  if (e instanceof ApiError) return { message: e.message, details: e.details };
  return { message: e instanceof Error ? e.message : String(e), details: [] };
}

/**
 * Template packs: the apps installed from packs, install/upgrade from an uploaded `.lattice-pack.json`
 * (validated first; upgrades show the three-way merge before applying), and export of any published app
 * as a pack file.
 */
export function PacksPage() {
  useLocale();
  const [installed, setInstalled] = useState<InstalledPack[] | null>(null);
  const [apps, setApps] = useState<AppSummary[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const load = useCallback(async () => {
    try {
      const [packs, list] = await Promise.all([packsApi.list(), studioApi.listApps()]);
      setInstalled(packs);
      setApps(list);
    } catch (e) {
      setFailure(toFailure(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="lt-page" data-testid="packs-page">
      <h1>{pt('packs')}</h1>
      <p className="lt-muted" style={{ maxWidth: 760 }}>
        {pt('intro')}
      </p>
      {failure && <FailureBanner failure={failure} />}
      <section className="lt-card st-section">
        <h2>{pt('installed')}</h2>
        {installed === null ? (
          <p className="lt-muted">…</p>
        ) : installed.length === 0 ? (
          <p className="lt-muted">{pt('noneInstalled')}</p>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <table className="lt-table" data-testid="installed-packs">
              <thead>
                <tr>
                  <th>{pt('app')}</th>
                  <th>{pt('pack')}</th>
                  <th>{pt('version')}</th>
                  <th>{pt('installedAt')}</th>
                  <th>{pt('upgradedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {installed.map((p) => (
                  <tr key={p.appId}>
                    <td>{p.appId}</td>
                    <td>
                      {label(p.name)} <span className="lt-muted">({p.packId})</span>
                    </td>
                    <td>{p.version}</td>
                    <td>{new Date(p.installedAt).toLocaleString()}</td>
                    <td>{p.upgradedAt ? new Date(p.upgradedAt).toLocaleString() : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InstallFromFile onChanged={load} />
      <ExportApp apps={apps} />
    </div>
  );
}

function FailureBanner(p: { failure: Failure }) {
  return (
    <div className="lt-error-banner" data-testid="pack-error">
      <div>{p.failure.message}</div>
      {p.failure.details.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
          {p.failure.details.map((d) => (
            <li key={`${d.path}|${d.message}`}>
              <code>{d.path}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function InstallFromFile(p: { onChanged: () => Promise<void> }) {
  const [bundle, setBundle] = useState<string | null>(null);
  const [check, setCheck] = useState<PackCheck | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [withSeed, setWithSeed] = useState(true);
  const [scale, setScale] = useState(0.1);
  const [preview, setPreview] = useState<PackUpgradePreview | null>(null);
  const [lossy, setLossy] = useState<string | null>(null);

  const reset = () => {
    setCheck(null);
    setFailure(null);
    setDone(null);
    setPreview(null);
    setLossy(null);
  };
  const pick = async (file: File | undefined) => {
    reset();
    setBundle(null);
    if (!file) return;
    const text = await file.text();
    setBundle(text);
    setBusy(pt('checking'));
    try {
      setCheck(await packsApi.validate(text));
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setBusy(null);
    }
  };
  const install = async () => {
    if (!bundle || !check) return;
    setBusy(pt('installing'));
    setFailure(null);
    try {
      const seedName = check.seeds.includes('demo') ? 'demo' : check.seeds[0];
      const r = await packsApi.install(bundle, withSeed && seedName ? { name: seedName, scale } : undefined);
      setDone(
        pt('installedOk', {
          pack: r.packId,
          version: r.version,
          app: r.appId,
          appVersion: r.appVersion,
          seed: r.seed ? pt('seedDone', { records: r.seed.records, skipped: r.seed.skipped }) : '',
        }),
      );
      setCheck(null);
      await p.onChanged();
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setBusy(null);
    }
  };
  const showPreview = async () => {
    if (!bundle) return;
    setBusy(pt('checking'));
    setFailure(null);
    try {
      setPreview(await packsApi.previewUpgrade(bundle));
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setBusy(null);
    }
  };
  const upgrade = async (confirmLossy: boolean) => {
    if (!bundle) return;
    setBusy(pt('installing'));
    setFailure(null);
    try {
      const r = await packsApi.upgrade(bundle, confirmLossy);
      setDone(pt('upgradedOk', { version: r.to.version, appVersion: r.appVersion }));
      setPreview(null);
      setCheck(null);
      setLossy(null);
      await p.onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LATTICE_ERR_LOSSY_CHANGE')
        setLossy([e.message, ...e.details.map((d) => `${d.path}: ${d.message}`)].join(' '));
      else setFailure(toFailure(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="lt-card st-section" data-testid="pack-install">
      <h2>{pt('fromFile')}</h2>
      <p className="lt-muted" style={{ marginTop: 0 }}>
        {pt('fileHint')}
      </p>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={pt('chooseFile')}
        data-testid="pack-file"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {busy && <p className="lt-muted">{busy}</p>}
      {failure && <FailureBanner failure={failure} />}
      {done && (
        <div className="st-ok-banner" data-testid="pack-done" style={{ marginTop: 12 }}>
          {done}
        </div>
      )}
      {check && (
        <div style={{ marginTop: 12 }} data-testid="pack-check">
          <p style={{ margin: '0 0 6px' }}>
            <strong>✓ {pt('valid')}:</strong> {label(check.manifest.name)} · {check.manifest.id}@
            {check.manifest.version} · {pt('engine')} {check.manifest.engine}
          </p>
          {check.manifest.description && (
            <p className="lt-muted" style={{ margin: '0 0 6px' }}>
              {label(check.manifest.description)}
            </p>
          )}
          <p className="lt-muted" style={{ margin: '0 0 10px' }}>
            {pt('contents')}:{' '}
            {Object.entries(check.documents)
              .map(([kind, n]) => `${kind} ${n}`)
              .join(' · ')}
          </p>
          {check.installed ? (
            <div className="st-row">
              <span>{pt('alreadyInstalled', { app: check.appId })}</span>
              <button
                type="button"
                className="lt-btn"
                data-action="preview-upgrade"
                disabled={busy !== null}
                onClick={() => void showPreview()}
              >
                {pt('previewUpgrade')}
              </button>
            </div>
          ) : (
            <div className="st-row">
              {check.seeds.length > 0 && (
                <label className="st-row" style={{ gap: 6 }}>
                  <input type="checkbox" checked={withSeed} onChange={(e) => setWithSeed(e.target.checked)} />
                  {pt('withSeed')}
                </label>
              )}
              {check.seeds.length > 0 && withSeed && (
                <label className="st-row" style={{ gap: 6 }}>
                  {pt('scale')}
                  <select
                    className="lt-input"
                    value={scale}
                    onChange={(e) => setScale(Number(e.target.value))}
                  >
                    {[0.05, 0.1, 0.25, 0.5, 1].map((s) => (
                      <option key={s} value={s}>
                        {Math.round(s * 100)}%
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button
                type="button"
                className="lt-btn lt-btn-primary"
                data-action="install-pack"
                disabled={busy !== null}
                onClick={() => void install()}
              >
                {pt('install')}
              </button>
            </div>
          )}
        </div>
      )}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="upgrade-preview">
          <p style={{ margin: '0 0 6px' }}>
            <strong>
              {pt('upgradeFrom', { app: preview.appId, from: preview.from.version, to: preview.to.version })}
            </strong>
          </p>
          <p className="lt-muted" style={{ margin: '0 0 8px' }}>
            {pt('keepsData')}
          </p>
          {preview.changes.length === 0 ? (
            <p className="lt-muted">{pt('noChanges')}</p>
          ) : (
            <ul style={{ margin: '0 0 10px', paddingLeft: 18 }}>
              {preview.changes.map((c) => (
                <li key={JSON.stringify(c)}>{describeChange(c)}</li>
              ))}
            </ul>
          )}
          {preview.problems.length > 0 && (
            <FailureBanner
              failure={{
                message: pt('problems'),
                details: preview.problems.map((x) => ({ path: x.path, message: label(x.message) })),
              }}
            />
          )}
          {lossy ? (
            <div className="st-lossy">
              <p style={{ margin: '0 0 8px' }}>{pt('lossy', { reason: lossy })}</p>
              <div className="st-row">
                <button
                  type="button"
                  className="lt-btn lt-btn-danger"
                  data-action="confirm-lossy-upgrade"
                  disabled={busy !== null}
                  onClick={() => void upgrade(true)}
                >
                  {pt('confirmLossy')}
                </button>
                <button type="button" className="lt-btn" onClick={() => setLossy(null)}>
                  {pt('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="lt-btn lt-btn-primary"
              data-action="apply-upgrade"
              disabled={busy !== null || preview.problems.length > 0}
              onClick={() => void upgrade(false)}
            >
              {pt('applyUpgrade')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function describeChange(c: PackUpgradeChange): string {
  const what = `${c.doc}${'field' in c && c.field ? ` · ${c.field}` : ''}`;
  const keys = 'keys' in c ? ` (${c.keys.join(', ')})` : 'key' in c && c.key ? ` (${c.key})` : '';
  return `${pt(c.op)}: ${what}${keys}`;
}

function ExportApp(p: { apps: AppSummary[] }) {
  const [appId, setAppId] = useState('');
  const [packId, setPackId] = useState('');
  const [version, setVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosen = appId || p.apps.find((a) => a.liveVersion)?.id || '';
  const download = async () => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const bundle = await packsApi.exportApp(chosen, {
        ...(packId ? { id: packId } : {}),
        ...(version ? { version } : {}),
      });
      const file = `${bundle.manifest.id}-${bundle.manifest.version}.lattice-pack.json`;
      const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
      setDone(pt('exported', { file }));
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="lt-card st-section" data-testid="pack-export">
      <h2>{pt('export')}</h2>
      <p className="lt-muted" style={{ marginTop: 0 }}>
        {pt('exportHint')}
      </p>
      <div className="st-row">
        <label className="st-field">
          {pt('app')}
          <select
            className="lt-input"
            value={chosen}
            data-testid="export-app"
            onChange={(e) => setAppId(e.target.value)}
          >
            {p.apps.map((a) => (
              <option key={a.id} value={a.id} disabled={!a.liveVersion}>
                {label(a.label)} ({a.id}){a.liveVersion ? '' : pt('notPublished')}
              </option>
            ))}
          </select>
        </label>
        <label className="st-field">
          {pt('packId')}
          <input className="lt-input" value={packId} onChange={(e) => setPackId(e.target.value.trim())} />
        </label>
        <label className="st-field">
          {pt('exportVersion')}
          <input className="lt-input" value={version} onChange={(e) => setVersion(e.target.value.trim())} />
        </label>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="export-pack"
          disabled={busy || !chosen}
          onClick={() => void download()}
          style={{ alignSelf: 'end' }}
        >
          {pt('download')}
        </button>
      </div>
      {failure && <FailureBanner failure={failure} />}
      {done && (
        <div className="st-ok-banner" data-testid="pack-exported" style={{ marginTop: 12 }}>
          {done}
        </div>
      )}
    </section>
  );
}
