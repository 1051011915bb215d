import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import type { AppSummary } from '../lib/studio-api';
import { studioApi } from '../lib/studio-api';
import { t } from '../lib/studio-text';

/** All apps as tiles, and the "new app" form (id + zh/en label; creates an empty draft). */
export function AppListPage() {
  const locale = useLocale();
  const [apps, setApps] = useState<AppSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => {
    try {
      setApps(await studioApi.listApps());
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="lt-page">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{t('appList')}</h1>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="new-app"
          onClick={() => setCreating(true)}
        >
          + {t('newApp')}
        </button>
      </div>
      {failure && <div className="lt-error-banner">{failure}</div>}
      {creating && <NewAppForm onCancel={() => setCreating(false)} />}
      {apps === null ? (
        <p className="lt-muted">{t('loading')}</p>
      ) : apps.length === 0 ? (
        <p className="lt-muted">{t('noApps')}</p>
      ) : (
        <div className="st-grid">
          {apps.map((a) => (
            <div
              key={a.id}
              className="lt-card st-tile"
              data-app={a.id}
              role="link"
              tabIndex={0}
              onClick={() => navigate(`/apps/${a.id}`)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(`/apps/${a.id}`)}
            >
              <h3>{label(a.label)}</h3>
              <code>{a.id}</code>
              <span className="st-row">
                {a.liveVersion === null ? (
                  <span className="st-tag">{t('notPublished')}</span>
                ) : (
                  <span className="lt-badge">
                    {t('liveVersion')} v{a.liveVersion}
                  </span>
                )}
              </span>
              <span className="lt-muted" style={{ fontSize: 12 }}>
                {t('updatedAt')} {new Date(a.updatedAt).toLocaleString(locale)}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function NewAppForm(p: { onCancel: () => void }) {
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const fieldError = (path: string) =>
    errors[path] ? <span className="st-field-error">{errors[path]}</span> : null;
  return (
    <form
      className="lt-card st-form"
      style={{ marginBottom: 16 }}
      data-testid="new-app-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setErrors({});
        setFailure(null);
        try {
          await studioApi.createApp({ id, label: { zh, en: en || zh } });
          navigate(`/apps/${id}`);
        } catch (err) {
          if (err instanceof ApiError && err.details.length > 0) setErrors(err.byPath());
          else setFailure(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <h2 style={{ margin: 0, fontSize: 16 }}>{t('newApp')}</h2>
      {failure && <div className="lt-error-banner">{failure}</div>}
      <label>
        {t('appId')}
        <input
          className={`lt-input${errors.id ? ' st-input-error' : ''}`}
          name="id"
          value={id}
          placeholder="field-service"
          onChange={(e) => setId(e.target.value.trim())}
        />
        <small>{t('appIdHint')}</small>
        {fieldError('id')}
      </label>
      <label>
        {t('labelZh')}
        <input
          className={`lt-input${errors['label.zh'] ? ' st-input-error' : ''}`}
          name="label.zh"
          value={zh}
          onChange={(e) => setZh(e.target.value)}
        />
        {fieldError('label.zh')}
      </label>
      <label>
        {t('labelEn')}
        <input className="lt-input" name="label.en" value={en} onChange={(e) => setEn(e.target.value)} />
        {fieldError('label.en')}
      </label>
      <div className="st-row">
        <button type="submit" className="lt-btn lt-btn-primary" disabled={!id || !zh}>
          {t('create')}
        </button>
        <button type="button" className="lt-btn" onClick={p.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
