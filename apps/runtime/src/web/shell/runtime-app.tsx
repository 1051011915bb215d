import { useEffect, useState, useSyncExternalStore } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { Toaster } from '../components/toast';
import { loadSession, onSessionChange, sessionExpired } from '../lib/api';
import { CurrentAppProvider, useCurrentApp } from '../lib/current-app';
import { label, useLocale } from '../lib/i18n';
import { linkClick, usePath } from '../lib/router';
import { t } from '../lib/ui-text';
import { LoginPage } from '../pages/login-page';
import { RUNTIME_ROUTES } from '../routes';
import { findRoute } from './find-route';
import { LanguageSwitch } from './language-switch';
import { Sidebar } from './sidebar';
import { UserMenu } from './user-menu';

let sessionSnapshot = loadSession();
function subscribeSession(cb: () => void) {
  return onSessionChange(() => {
    sessionSnapshot = loadSession();
    cb();
  });
}

/** The end-user UI: login gate, sidebar (app metadata + registered pages), top bar and the matched page. */
export function RuntimeApp() {
  useLocale();
  const session = useSyncExternalStore(
    subscribeSession,
    () => sessionSnapshot,
    () => sessionSnapshot,
  );
  const path = usePath();
  const match = findRoute(RUNTIME_ROUTES, path);
  if (!session) return <LoginPage expired={sessionExpired()} />;
  return (
    <CurrentAppProvider appId={match?.params.app}>
      <Shell path={path} user={session.user} match={match} />
      <Toaster />
    </CurrentAppProvider>
  );
}

function Shell(p: {
  path: string;
  user: NonNullable<ReturnType<typeof loadSession>>['user'];
  match: ReturnType<typeof findRoute>;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { apps, appId } = useCurrentApp();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on every navigation
  useEffect(() => setMenuOpen(false), [p.path]);
  const app = apps.find((a) => a.id === appId);
  const page = p.match ? (
    p.match.route.element(p.match.params)
  ) : (
    <div className="lt-page rt-empty-page">
      <h1>{t('notFound')}</h1>
      <a href="/" onClick={linkClick('/')}>
        {t('backHome')}
      </a>
    </div>
  );
  return (
    <div className={`lt-shell rt-shell${menuOpen ? ' rt-menu-open' : ''}`}>
      <Sidebar
        path={p.path}
        user={p.user}
        activeRoute={p.match?.route ?? null}
        onNavigate={() => setMenuOpen(false)}
      />
      <div className="rt-scrim" onClick={() => setMenuOpen(false)} />
      <main className="lt-main">
        <header className="lt-top">
          <div className="rt-row">
            <button
              type="button"
              className="rt-menu-toggle"
              aria-label={t('menu')}
              onClick={() => setMenuOpen((o) => !o)}
            >
              ☰
            </button>
            <span className="rt-app-name" data-testid="app-name">
              {app ? label(app.label) : t('brand')}
            </span>
          </div>
          <div className="rt-row">
            <LanguageSwitch />
            <UserMenu user={p.user} />
          </div>
        </header>
        <ErrorBoundary resetKey={p.path}>{page}</ErrorBoundary>
      </main>
    </div>
  );
}
