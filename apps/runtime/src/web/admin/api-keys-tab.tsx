import { useState } from 'react';
import { adminApi } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';
import { useAdminData } from './use-admin-data';

/** API keys for integrations: bound to one role, the secret shown once, revocable. */
export function ApiKeysTab() {
  const { data, error, setError, reload } = useAdminData(adminApi.apiKeys);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const create = async () => {
    try {
      const created = await adminApi.createApiKey(name, role);
      setShown(created.key);
      setName('');
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const fmt = (s: string | null) => (s ? new Date(s).toLocaleString() : '—');
  return (
    <section className="rt-admin-section">
      <ErrorBanner error={error} />
      <form
        className="lt-card rt-admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          className="lt-input"
          placeholder={at('keyName')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          className="lt-input"
          placeholder={at('keyRole')}
          required
          value={role}
          onChange={(e) => setRole(e.target.value)}
        />
        <button type="submit" className="lt-btn lt-btn-primary">
          {at('createKey')}
        </button>
      </form>
      {shown && (
        <div className="lt-card rt-admin-secret" role="status">
          {at('keyOnce')} <code data-api-key>{shown}</code>
        </div>
      )}
      {data && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-admin-table">
            <thead>
              <tr>
                <th>{at('keyName')}</th>
                <th>{at('keyRole')}</th>
                <th>{at('code')}</th>
                <th>{at('createdAt')}</th>
                <th>{at('lastUsed')}</th>
                <th>{at('status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <span className="lt-badge">{k.role}</span>
                  </td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{fmt(k.createdAt)}</td>
                  <td>{fmt(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? at('revoked') : at('active')}</td>
                  <td>
                    {!k.revokedAt && (
                      <button
                        type="button"
                        className="lt-btn lt-btn-danger"
                        onClick={() => void adminApi.revokeApiKey(k.id).then(reload, setError)}
                      >
                        {at('revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
