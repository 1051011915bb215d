import { useMemo } from 'react';
import { entityIcon } from '../components/entity-icon';
import { entityNav } from '../lib/app-metadata';
import { useCurrentApp } from '../lib/current-app';
import { can } from '../lib/entity-access';
import { errorMessage } from '../lib/error-message';
import { label, useLocale } from '../lib/i18n';
import { linkClick, navigate } from '../lib/router';
import { t } from '../lib/ui-text';

/** The landing page: the current app's entities as tiles, or the app picker when there is no app yet. */
export function AppHomePage() {
  useLocale();
  const { apps, appId, definition, loading, error, version, access } = useCurrentApp();
  const nav = useMemo(
    () => (definition ? entityNav(definition).filter((item) => can(access, item.entity.name, 'read')) : []),
    [definition, access],
  );
  if (error)
    return (
      <div className="lt-page">
        <div className="lt-error-banner" role="alert">
          {errorMessage(error)}
        </div>
      </div>
    );
  if (loading && !definition) return <div className="lt-page lt-muted">{t('loading')}</div>;
  if (!appId || !definition) {
    return (
      <div className="lt-page">
        <h1>{t('chooseApp')}</h1>
        {apps.length === 0 && <p className="lt-muted">{t('noApps')}</p>}
        <div className="rt-tiles">
          {apps.map((a) => (
            <button
              key={a.id}
              type="button"
              className="rt-tile lt-card"
              disabled={a.liveVersion === null}
              onClick={() => navigate(`/apps/${a.id}`)}
            >
              <strong>{label(a.label)}</strong>
              <span className="lt-muted">
                {a.liveVersion === null ? t('notPublished') : t('version', { v: a.liveVersion })}
              </span>
            </button>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className="lt-page">
      <div className="rt-page-head">
        <div>
          <h1>{label(definition.label)}</h1>
          <div className="lt-muted">{t('version', { v: version ?? '' })}</div>
        </div>
      </div>
      <div className="rt-tiles">
        {nav.map((item) => {
          const to = `/apps/${appId}/e/${item.entity.name}`;
          return (
            <a
              key={item.entity.name}
              href={to}
              onClick={linkClick(to)}
              className="rt-tile lt-card"
              data-tile={item.entity.name}
            >
              <span className="rt-tile-icon">{entityIcon(item.entity.icon)}</span>
              <strong>{label(item.entity.pluralLabel ?? item.entity.label)}</strong>
              <span className="lt-muted rt-tile-desc">
                {label(item.entity.description) || item.views.map((v) => label(v.label)).join(' · ')}
              </span>
            </a>
          );
        })}
      </div>
    </div>
  );
}
