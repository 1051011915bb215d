import type { DocumentKind } from '@lattice/engine';
import { DOCUMENT_KINDS, documentsOfKind } from '@lattice/engine';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { label } from '../lib/i18n';
import { navigate } from '../lib/router';
import { t } from '../lib/studio-text';
import { NavLink } from '../shell/nav-link';

const KIND_LABEL: Record<DocumentKind, { zh: string; en: string }> = {
  entity: { zh: '实体', en: 'Entities' },
  form: { zh: '表单', en: 'Forms' },
  view: { zh: '视图', en: 'Views' },
  rule: { zh: '规则', en: 'Rules' },
  flow: { zh: '审批流', en: 'Flows' },
  report: { zh: '报表', en: 'Reports' },
  dashboard: { zh: '仪表盘', en: 'Dashboards' },
  role: { zh: '角色', en: 'Roles' },
};

/** The open app: its label and how many documents of each kind the draft holds. */
export function AppOverviewPage(p: { appId: string }) {
  const { draft, update } = useAppDraft();
  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  return (
    <div className="lt-page">
      <h1>
        {label(draft.label)} <code className="st-code">{p.appId}</code>
      </h1>
      <section className="lt-card st-section" style={{ maxWidth: 720 }} data-testid="app-settings">
        <I18nInputs
          name="app.label"
          value={draft.label}
          onChange={(l) => update((d) => ({ ...d, label: l }))}
        />
      </section>
      <div className="st-grid">
        {DOCUMENT_KINDS.map((kind) => (
          <div
            key={kind}
            className="lt-card st-tile"
            data-kind={kind}
            role={kind === 'entity' ? 'link' : undefined}
            onClick={kind === 'entity' ? () => navigate(`/apps/${p.appId}/entities`) : undefined}
          >
            <span className="lt-muted">{label(KIND_LABEL[kind])}</span>
            <h3>{draft.documents.filter((d) => d.kind === kind).length}</h3>
          </div>
        ))}
      </div>
      <div className="lt-card" style={{ marginTop: 16, overflowX: 'auto' }}>
        <table className="lt-table">
          <thead>
            <tr>
              <th>{t('entities')}</th>
              <th>{t('entityName')}</th>
              <th>{t('fieldsTab')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documentsOfKind(draft, 'entity').map((e) => {
              const base = `/apps/${p.appId}/entities/${e.name}`;
              return (
                <tr key={e.name} data-overview-entity={e.name}>
                  <td>{label(e.label)}</td>
                  <td>
                    <code className="st-code">{e.name}</code>
                  </td>
                  <td>{e.fields.length}</td>
                  <td className="st-row">
                    <NavLink to={base}>{t('fieldsTab')}</NavLink>
                    <NavLink to={`${base}/form`}>{t('formTab')}</NavLink>
                    <NavLink to={`${base}/views`}>{t('viewsTab')}</NavLink>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
