import { useState } from 'react';
import { toast } from '../components/toast';
import { label } from '../lib/i18n';
import { adminApi, type Department } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';
import { useAdminData } from './use-admin-data';

/** Departments as a tree (department scopes include the departments below a user's own). */
export function DepartmentsTab() {
  const { data, error, setError, reload } = useAdminData(adminApi.departments);
  const [d, setD] = useState({ code: '', zh: '', en: '', parent: '' });
  const save = async () => {
    try {
      await adminApi.saveDepartment({
        code: d.code,
        name: { zh: d.zh, en: d.en || d.zh },
        parent: d.parent || null,
      });
      setD({ code: '', zh: '', en: '', parent: '' });
      toast.success(at('saved'));
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (code: string) => {
    try {
      await adminApi.deleteDepartment(code);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const children = (parent: string | null) => (data ?? []).filter((x) => x.parent === parent);
  const roots = (data ?? []).filter(
    (x) => x.parent === null || !(data ?? []).some((y) => y.code === x.parent),
  );
  const renderNode = (node: Department, depth: number): React.ReactNode => (
    <li key={node.code} data-department={node.code}>
      <div className="rt-tree-row" style={{ paddingLeft: depth * 20 }}>
        <span className="rt-tree-name">{label(node.name)}</span>
        <code className="lt-muted">{node.code}</code>
        <button
          type="button"
          className="lt-btn"
          onClick={() =>
            setD({ code: node.code, zh: node.name.zh, en: node.name.en, parent: node.parent ?? '' })
          }
        >
          {at('edit')}
        </button>
        <button type="button" className="lt-btn lt-btn-danger" onClick={() => void remove(node.code)}>
          {at('delete')}
        </button>
      </div>
      {children(node.code).length > 0 && (
        <ul className="rt-tree">{children(node.code).map((c) => renderNode(c, depth + 1))}</ul>
      )}
    </li>
  );
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
          pattern="[a-z][a-z0-9_\-]*"
          value={d.code}
          onChange={(e) => setD({ ...d, code: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('nameZh')}
          required
          value={d.zh}
          onChange={(e) => setD({ ...d, zh: e.target.value })}
        />
        <input
          className="lt-input"
          placeholder={at('nameEn')}
          value={d.en}
          onChange={(e) => setD({ ...d, en: e.target.value })}
        />
        <select
          className="lt-input"
          aria-label={at('parent')}
          value={d.parent}
          onChange={(e) => setD({ ...d, parent: e.target.value })}
        >
          <option value="">{`${at('parent')}: ${at('none')}`}</option>
          {(data ?? []).map((x) => (
            <option key={x.code} value={x.code}>
              {label(x.name)}
            </option>
          ))}
        </select>
        <button type="submit" className="lt-btn lt-btn-primary">
          {at('save')}
        </button>
      </form>
      {data?.length === 0 && <div className="rt-empty-state lt-card">{at('empty')}</div>}
      {data && data.length > 0 && <ul className="rt-tree lt-card">{roots.map((r) => renderNode(r, 0))}</ul>}
    </section>
  );
}
