import { useMemo } from 'react';
import { entityIcon } from '../components/entity-icon';
import type { Session } from '../lib/api';
import { entityNav } from '../lib/app-metadata';
import { useCurrentApp } from '../lib/current-app';
import { can } from '../lib/entity-access';
import { label, useLocale } from '../lib/i18n';
import { fillPath, linkClick, navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { type NavSection, RUNTIME_ROUTES, type RuntimeRoute } from '../routes';

const SECTIONS: { id: NavSection; title: () => string }[] = [
  { id: 'work', title: () => t('sectionWork') },
  { id: 'insights', title: () => t('sectionInsights') },
  { id: 'admin', title: () => t('sectionAdmin') },
];

/** A registered page's badge; its own component so `badge` may use hooks. */
function NavBadge(p: { use: () => number | null }) {
  const n = p.use();
  return n ? <span className="rt-nav-badge">{n > 99 ? '99+' : n}</span> : null;
}

/** The sidebar: app switcher, the app's entities (from metadata), then the registered pages by section. */
export function Sidebar(p: {
  path: string;
  user: Session['user'];
  activeRoute: RuntimeRoute | null;
  onNavigate: () => void;
}) {
  useLocale();
  const { apps, appId, definition, access } = useCurrentApp();
  const nav = useMemo(
    () => (definition ? entityNav(definition).filter((item) => can(access, item.entity.name, 'read')) : []),
    [definition, access],
  );
  const liveApps = apps.filter((a) => a.liveVersion !== null);
  const visible = (r: RuntimeRoute) =>
    r.nav && (!r.nav.roles || r.nav.roles.some((role) => p.user.roles.includes(role)));
  const link = (to: string, active: boolean, body: React.ReactNode, key: string, testId?: string) => (
    <a
      key={key}
      href={to}
      className={active ? 'active' : ''}
      aria-current={active ? 'page' : undefined}
      data-nav={testId}
      onClick={(e) => {
        linkClick(to)(e);
        p.onNavigate();
      }}
    >
      {body}
    </a>
  );
  return (
    <nav className="lt-side rt-side" aria-label="main">
      <div className="lt-brand rt-brand">
        <span className="rt-logo">L</span>
        {t('brand')}
      </div>
      {liveApps.length > 1 && (
        <select
          className="rt-app-switch"
          aria-label={t('chooseApp')}
          value={appId ?? ''}
          onChange={(e) => navigate(`/apps/${e.target.value}`)}
        >
          {liveApps.map((a) => (
            <option key={a.id} value={a.id}>
              {label(a.label)}
            </option>
          ))}
        </select>
      )}
      {appId && nav.length > 0 && (
        <>
          <div className="rt-nav-title">{t('sectionData')}</div>
          {nav.map((item) => {
            const to = `/apps/${appId}/e/${item.entity.name}`;
            const active = p.path === to || p.path.startsWith(`${to}/`);
            return link(
              to,
              active,
              <span>
                <span className="rt-nav-icon">{entityIcon(item.entity.icon)}</span>
                {label(item.entity.pluralLabel ?? item.entity.label)}
              </span>,
              item.entity.name,
              `entity-${item.entity.name}`,
            );
          })}
        </>
      )}
      {SECTIONS.map((section) => {
        const routes = RUNTIME_ROUTES.filter((r) => visible(r) && r.nav?.section === section.id).sort(
          (a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0),
        );
        if (routes.length === 0) return null;
        return (
          <div key={section.id}>
            <div className="rt-nav-title">{section.title()}</div>
            {routes.map((r) => {
              if (r.path.includes(':app') && !appId) return null;
              const to = fillPath(r.path, { app: appId ?? '' });
              return link(
                to,
                p.activeRoute === r,
                <>
                  <span>
                    <span className="rt-nav-icon">{r.nav?.icon ?? '•'}</span>
                    {label(r.title)}
                  </span>
                  {r.nav?.badge && <NavBadge use={r.nav.badge} />}
                </>,
                r.path,
                r.path,
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
