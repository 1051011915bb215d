import { useEffect, useState } from 'react';
import { type AuditRow, adminApi } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';

const EMPTY = { actor: '', action: '', entity: '', from: '', to: '' };

/** The append-only audit log, newest first, filtered by user, action, entity and time. */
export function AuditTab() {
  const [q, setQ] = useState(EMPTY);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const params = (before?: string) => ({
    actor: q.actor,
    action: q.action,
    entity: q.entity,
    from: q.from ? new Date(q.from).toISOString() : '',
    to: q.to ? new Date(q.to).toISOString() : '',
    ...(before ? { before } : {}),
  });
  const search = async (before?: string) => {
    try {
      const page = await adminApi.audit(params(before));
      setRows(before ? [...(rows ?? []), ...page.items] : page.items);
      setNext(page.nextBefore);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first page once
  useEffect(() => {
    void search();
  }, []);
  return (
    <section className="rt-admin-section">
      <ErrorBanner error={error} />
      <form
        className="lt-card rt-admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input
          className="lt-input"
          placeholder={at('user')}
          value={q.actor}
          onChange={(e) => setQ({ ...q, actor: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('action')}
          title={at('actionHint')}
          value={q.action}
          onChange={(e) => setQ({ ...q, action: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('entity')}
          value={q.entity}
          onChange={(e) => setQ({ ...q, entity: e.target.value })}
        />
        <label className="rt-admin-label">
          {at('from')}{' '}
          <input
            className="lt-input"
            type="datetime-local"
            value={q.from}
            onChange={(e) => setQ({ ...q, from: e.target.value })}
          />
        </label>
        <label className="rt-admin-label">
          {at('to')}{' '}
          <input
            className="lt-input"
            type="datetime-local"
            value={q.to}
            onChange={(e) => setQ({ ...q, to: e.target.value })}
          />
        </label>
        <button type="submit" className="lt-btn lt-btn-primary">
          {at('filter')}
        </button>
      </form>
      {rows?.length === 0 && <div className="rt-empty-state lt-card">{at('empty')}</div>}
      {rows && rows.length > 0 && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-admin-table" aria-label={at('audit')}>
            <thead>
              <tr>
                <th>{at('time')}</th>
                <th>{at('user')}</th>
                <th>{at('action')}</th>
                <th>{at('entity')}</th>
                <th>{at('record')}</th>
                <th>{at('ip')}</th>
                <th>{at('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq} data-action={r.action}>
                  <td>{new Date(r.at).toLocaleString()}</td>
                  <td>{r.actorName ?? r.actor ?? '—'}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.entity ?? '—'}</td>
                  <td className="rt-admin-mono">{r.recordId ? `${r.recordId.slice(0, 8)}…` : '—'}</td>
                  <td>{r.ip ?? '—'}</td>
                  <td className="rt-admin-detail" title={r.detail ? JSON.stringify(r.detail) : ''}>
                    {r.detail ? JSON.stringify(r.detail) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="lt-btn" onClick={() => void search(next)}>
          {at('more')}
        </button>
      )}
    </section>
  );
}
