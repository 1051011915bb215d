import { useCallback, useEffect, useState } from 'react';
import { ApiError, loadSession } from '../../lib/api';
import { useAppDraft } from '../../lib/app-draft';
import { useLocale } from '../../lib/i18n';
import type { AppVersionInfo } from '../../lib/studio-api';
import { studioApi } from '../../lib/studio-api';
import { t } from '../../lib/studio-text';

/** Version history, newest first, with rollback (a lossy rollback asks for confirmation). */
export function VersionsPage(p: { appId: string }) {
  const locale = useLocale();
  const { reload } = useAppDraft();
  const [versions, setVersions] = useState<AppVersionInfo[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [lossy, setLossy] = useState<{ version: number; reason: string } | null>(null);
  const [done, setDone] = useState<{ from: number; v: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setVersions((await studioApi.listVersions(p.appId)).sort((a, b) => b.version - a.version));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, [p.appId]);
  useEffect(() => {
    void load();
  }, [load]);

  const rollback = async (version: number, confirmLossy: boolean) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const v = await studioApi.rollback(p.appId, version, confirmLossy);
      setLossy(null);
      setDone({ from: version, v: v.version });
      await Promise.all([load(), reload()]);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LATTICE_ERR_LOSSY_CHANGE') {
        setLossy({ version, reason: [e.message, ...e.details.map((x) => x.message)].join(' ') });
      } else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lt-page" data-testid="versions-page">
      {done && (
        <div className="st-ok-banner" data-testid="rolled-back">
          {t('rollbackDone', done)}
        </div>
      )}
      {failure && <div className="lt-error-banner">{failure}</div>}
      {lossy && (
        <div className="st-lossy" data-testid="rollback-lossy">
          <p style={{ margin: '0 0 8px' }}>
            {t('rollbackLossy', { v: lossy.version, reason: lossy.reason })}
          </p>
          <div className="st-row">
            <button
              type="button"
              className="lt-btn lt-btn-primary"
              data-action="confirm-rollback"
              disabled={busy}
              onClick={() => void rollback(lossy.version, true)}
            >
              {t('confirmRollback')}
            </button>
            <button type="button" className="lt-btn" onClick={() => setLossy(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {versions === null ? (
        <p className="lt-muted">{t('loading')}</p>
      ) : versions.length === 0 ? (
        <p className="lt-muted">{t('noVersions')}</p>
      ) : (
        <div className="lt-card" style={{ overflowX: 'auto' }}>
          <table className="lt-table">
            <thead>
              <tr>
                <th>{t('version')}</th>
                <th>{t('publishedAt')}</th>
                <th>{t('publishedBy')}</th>
                <th>{t('note')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <td>
                    v{v.version} {v.live && <span className="lt-badge">{t('live')}</span>}
                  </td>
                  <td>{new Date(v.publishedAt).toLocaleString(locale)}</td>
                  <td>{publisherName(v.publishedBy)}</td>
                  <td style={{ whiteSpace: 'normal' }}>{v.note ?? ''}</td>
                  <td>
                    {!v.live && (
                      <button
                        type="button"
                        className="lt-btn"
                        data-action="rollback"
                        disabled={busy}
                        onClick={() => void rollback(v.version, false)}
                      >
                        {t('rollback')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The signed-in user shows by name; others by id (there is no user directory endpoint for designers). */
function publisherName(id: string | null): string {
  if (!id) return '—';
  const me = loadSession()?.user;
  return me && me.id === id ? (me.displayName ?? me.username) : id;
}
