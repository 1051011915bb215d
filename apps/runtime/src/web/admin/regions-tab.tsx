import { useState } from 'react';
import { toast } from '../components/toast';
import { adminApi } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';
import { useAdminData } from './use-admin-data';

/** Sales regions (region scopes compare a record's region with the user's). */
export function RegionsTab() {
  const { data, error, setError, reload } = useAdminData(adminApi.regions);
  const [r, setR] = useState({ code: '', zh: '', en: '' });
  const save = async () => {
    try {
      await adminApi.saveRegion({ code: r.code, name: { zh: r.zh, en: r.en || r.zh } });
      setR({ code: '', zh: '', en: '' });
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
          void save();
        }}
      >
        <input
          className="lt-input"
          placeholder={at('code')}
          required
          value={r.code}
          onChange={(e) => setR({ ...r, code: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('nameZh')}
          required
          value={r.zh}
          onChange={(e) => setR({ ...r, zh: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('nameEn')}
          value={r.en}
          onChange={(e) => setR({ ...r, en: e.target.value })}
        />
        <button type="submit" className="lt-btn lt-btn-primary">
          {at('save')}
        </button>
      </form>
      {data && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-admin-table">
            <thead>
              <tr>
                <th>{at('code')}</th>
                <th>{at('nameZh')}</th>
                <th>{at('nameEn')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.map((x) => (
                <tr key={x.code}>
                  <td>{x.code}</td>
                  <td>{x.name.zh}</td>
                  <td>{x.name.en}</td>
                  <td className="rt-admin-actions">
                    <button
                      type="button"
                      className="lt-btn"
                      onClick={() => setR({ code: x.code, zh: x.name.zh, en: x.name.en })}
                    >
                      {at('edit')}
                    </button>
                    <button
                      type="button"
                      className="lt-btn lt-btn-danger"
                      onClick={() => void adminApi.deleteRegion(x.code).then(reload, setError)}
                    >
                      {at('delete')}
                    </button>
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
