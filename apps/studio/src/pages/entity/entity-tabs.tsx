import { label } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { NavLink } from '../../shell/nav-link';

/** Header of an entity's designer pages: its label and the Fields / Form / Views tabs. */
export function EntityTabs(p: {
  appId: string;
  entity: string;
  entityLabel?: { zh: string; en: string };
  active: 'fields' | 'form' | 'views';
}) {
  const base = `/apps/${p.appId}/entities/${p.entity}`;
  const tabs = [
    { id: 'fields', to: base, text: t('fieldsTab') },
    { id: 'form', to: `${base}/form`, text: t('formTab') },
    { id: 'views', to: `${base}/views`, text: t('viewsTab') },
  ] as const;
  return (
    <>
      <h1>
        {p.entityLabel ? label(p.entityLabel) : p.entity} <code className="st-code">{p.entity}</code>
      </h1>
      <nav className="st-tabs">
        {tabs.map((tab) => (
          <NavLink key={tab.id} to={tab.to} className={`st-tab${tab.id === p.active ? ' is-active' : ''}`}>
            <span data-tab-link={tab.id} aria-current={tab.id === p.active ? 'page' : undefined}>
              {tab.text}
            </span>
          </NavLink>
        ))}
      </nav>
    </>
  );
}
