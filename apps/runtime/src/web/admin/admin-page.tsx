import { useLocale } from '../lib/i18n';
import { linkClick, useSearchParams } from '../lib/router';
import { at } from './admin-text';
import { ApiKeysTab } from './api-keys-tab';
import { AuditTab } from './audit-tab';
import { DepartmentsTab } from './departments-tab';
import { RegionsTab } from './regions-tab';
import { RolesTab } from './roles-tab';
import { UsersTab } from './users-tab';
import './admin.css';

const TABS = ['users', 'departments', 'regions', 'roles', 'apiKeys', 'audit'] as const;
type Tab = (typeof TABS)[number];

/**
 * The admin console (`/admin`, platform admins): users, the department tree, regions, the roles matrix
 * (entities × rights, scope, field permissions), API keys and the audit log. Tabs live in `?tab=`.
 */
export function AdminPage() {
  useLocale();
  const requested = useSearchParams().get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'users';
  return (
    <div className="lt-page rt-admin">
      <div className="rt-page-head">
        <h1>{at('admin')}</h1>
      </div>
      <nav className="rt-tabs" aria-label={at('admin')}>
        {TABS.map((t) => (
          <a
            key={t}
            href={`/admin?tab=${t}`}
            className={t === tab ? 'active' : ''}
            onClick={linkClick(`/admin?tab=${t}`)}
            data-tab={t}
          >
            {at(t)}
          </a>
        ))}
      </nav>
      {tab === 'users' && <UsersTab />}
      {tab === 'departments' && <DepartmentsTab />}
      {tab === 'regions' && <RegionsTab />}
      {tab === 'roles' && <RolesTab />}
      {tab === 'apiKeys' && <ApiKeysTab />}
      {tab === 'audit' && <AuditTab />}
    </div>
  );
}
