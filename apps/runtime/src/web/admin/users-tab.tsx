import { useState } from 'react';
import { toast } from '../components/toast';
import { type AdminUser, adminApi } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';
import { useAdminData } from './use-admin-data';

const splitRoles = (s: string) =>
  s
    .split(/[,，\s]+/)
    .map((r) => r.trim())
    .filter(Boolean);

/** Users: create, change roles/department/region (revokes their sessions), reset a password. */
export function UsersTab() {
  const { data, error, setError, reload } = useAdminData(adminApi.users);
  const [draft, setDraft] = useState({
    username: '',
    displayName: '',
    password: '',
    roles: '',
    department: '',
    region: '',
  });
  const [editing, setEditing] = useState<string | null>(null);

  const create = async () => {
    try {
      await adminApi.createUser({
        username: draft.username,
        password: draft.password,
        ...(draft.displayName ? { displayName: draft.displayName } : {}),
        roles: splitRoles(draft.roles),
        department: draft.department || null,
        region: draft.region || null,
      });
      setDraft({ username: '', displayName: '', password: '', roles: '', department: '', region: '' });
      toast.success(at('saved'));
      reload();
    } catch (e) {
      setError(e);
    }
  };

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
          placeholder={at('username')}
          value={draft.username}
          required
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('displayName')}
          value={draft.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
        />
        <input
          className="lt-input"
          type="password"
          placeholder={at('password')}
          value={draft.password}
          required
          minLength={8}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('userRoles')}
          title={at('rolesHint')}
          value={draft.roles}
          onChange={(e) => setDraft({ ...draft, roles: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('department')}
          value={draft.department}
          onChange={(e) => setDraft({ ...draft, department: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('region')}
          value={draft.region}
          onChange={(e) => setDraft({ ...draft, region: e.target.value })}
        />
        <button type="submit" className="lt-btn lt-btn-primary">
          {at('add')}
        </button>
      </form>
      {data === null && !error && <div className="lt-muted">{at('loading')}</div>}
      {data && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-admin-table">
            <thead>
              <tr>
                <th>{at('username')}</th>
                <th>{at('displayName')}</th>
                <th>{at('userRoles')}</th>
                <th>{at('department')}</th>
                <th>{at('region')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.map((u) =>
                editing === u.id ? (
                  <UserEditor
                    key={u.id}
                    user={u}
                    onDone={() => {
                      setEditing(null);
                      reload();
                    }}
                    onError={setError}
                  />
                ) : (
                  <tr key={u.id} data-user={u.username}>
                    <td>{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>
                      {u.roles.map((r) => (
                        <span key={r} className="lt-badge">
                          {r}
                        </span>
                      ))}
                    </td>
                    <td>{u.department ?? '—'}</td>
                    <td>{u.region ?? '—'}</td>
                    <td>
                      <button type="button" className="lt-btn" onClick={() => setEditing(u.id)}>
                        {at('edit')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UserEditor(p: { user: AdminUser; onDone: () => void; onError: (e: unknown) => void }) {
  const [v, setV] = useState({
    displayName: p.user.displayName,
    roles: p.user.roles.join(', '),
    department: p.user.department ?? '',
    region: p.user.region ?? '',
    password: '',
  });
  const save = async () => {
    try {
      await adminApi.updateUser(p.user.id, {
        displayName: v.displayName,
        roles: splitRoles(v.roles),
        department: v.department || null,
        region: v.region || null,
      });
      if (v.password) await adminApi.resetPassword(p.user.id, v.password);
      toast.success(at('saved'));
      p.onDone();
    } catch (e) {
      p.onError(e);
    }
  };
  return (
    <tr className="rt-admin-editing">
      <td>{p.user.username}</td>
      <td>
        <input
          className="lt-input"
          value={v.displayName}
          onChange={(e) => setV({ ...v, displayName: e.target.value })}
        />
      </td>
      <td>
        <input
          className="lt-input"
          aria-label={at('userRoles')}
          value={v.roles}
          onChange={(e) => setV({ ...v, roles: e.target.value })}
        />
      </td>
      <td>
        <input
          className="lt-input"
          aria-label={at('department')}
          value={v.department}
          onChange={(e) => setV({ ...v, department: e.target.value })}
        />
      </td>
      <td>
        <input
          className="lt-input"
          aria-label={at('region')}
          value={v.region}
          onChange={(e) => setV({ ...v, region: e.target.value })}
        />
      </td>
      <td className="rt-admin-actions">
        <input
          className="lt-input"
          type="password"
          placeholder={at('resetPassword')}
          value={v.password}
          onChange={(e) => setV({ ...v, password: e.target.value })}
        />
        <button type="button" className="lt-btn lt-btn-primary" onClick={() => void save()}>
          {at('save')}
        </button>
        <button type="button" className="lt-btn" onClick={p.onDone}>
          {at('cancel')}
        </button>
      </td>
    </tr>
  );
}
