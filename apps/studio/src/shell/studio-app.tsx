import { useEffect, useState } from 'react';
import { loadSession, saveSession } from '../lib/api';
import { AppDraftProvider, useAppDraft } from '../lib/app-draft';
import { label, useLocale } from '../lib/i18n';
import { fillPath, navigate, usePath } from '../lib/router';
import { t } from '../lib/studio-text';
import { LoginPage } from '../pages/login-page';
import { STUDIO_ROUTES } from '../routes';
import { DraftBanner } from './draft-banner';
import { DraftStatus } from './draft-status';
import { findRoute } from './find-route';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';

/** The studio: login gate, sidebar from the route registry, top bar, and the matched page. */
export function StudioApp() {
  useLocale();
  const path = usePath();
  const [session, setSession] = useState(loadSession);

  useEffect(() => {
    if (path === '/' && session) navigate('/apps', { replace: true });
  }, [path, session]);

  if (!session) return <LoginPage onLogin={setSession} />;

  const match = findRoute(STUDIO_ROUTES, path);
  const appId = match?.params.app;
  const byOrder = (a: { nav?: { order: number } }, b: { nav?: { order: number } }) =>
    (a.nav?.order ?? 0) - (b.nav?.order ?? 0);
  const globalNav = STUDIO_ROUTES.filter((r) => r.nav?.area === 'global').sort(byOrder);
  const appNav = STUDIO_ROUTES.filter((r) => r.nav?.area === 'app').sort(byOrder);

  const page = match ? (
    match.route.element(match.params)
  ) : (
    <div className="lt-page">
      <h1>{t('notFound')}</h1>
      <NavLink to="/apps">{t('backToApps')}</NavLink>
    </div>
  );

  const shell = (
    <div className="lt-shell">
      <nav className="lt-side" aria-label="studio">
        <div className="lt-brand">{t('brand')}</div>
        {globalNav.map((r) => (
          <NavLink key={r.path} to={r.path} active={match?.route === r}>
            <span>
              <span className="st-nav-icon">{r.nav?.icon}</span>
              {label(r.title)}
            </span>
          </NavLink>
        ))}
        {appId && (
          <>
            <div className="st-nav-title" data-testid="nav-app">
              <AppTitle fallback={appId} />
            </div>
            {appNav.map((r) => (
              <NavLink key={r.path} to={fillPath(r.path, { app: appId })} active={match?.route === r}>
                <span>
                  <span className="st-nav-icon">{r.nav?.icon}</span>
                  {label(r.title)}
                </span>
              </NavLink>
            ))}
          </>
        )}
      </nav>
      <main className="lt-main">
        <header className="lt-top">
          <div className="st-title">{match ? label(match.route.title) : t('notFound')}</div>
          <div className="st-top-actions">
            {appId && <DraftStatus />}
            <a className="lt-btn" href="/" target="_blank" rel="noreferrer">
              {t('openRuntime')}
            </a>
            <LanguageSwitch />
            <span className="lt-muted" data-testid="current-user">
              {session.user.displayName ?? session.user.username}
            </span>
            <button
              type="button"
              className="lt-btn"
              onClick={() => {
                saveSession(null);
                setSession(null);
              }}
            >
              {t('logout')}
            </button>
          </div>
        </header>
        {appId && <DraftBanner />}
        {page}
      </main>
    </div>
  );
  return appId ? (
    <AppDraftProvider key={appId} appId={appId}>
      {shell}
    </AppDraftProvider>
  ) : (
    shell
  );
}

/** The open app's label (from its draft), or its id while loading. */
function AppTitle(p: { fallback: string }) {
  const { draft } = useAppDraft();
  return <>{draft ? label(draft.label) : p.fallback}</>;
}
