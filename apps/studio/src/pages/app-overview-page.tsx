import type { DocumentKind } from '@lattice/engine';
import { DOCUMENT_KINDS } from '@lattice/engine';
import { useAppDraft } from '../lib/app-draft';
import { label } from '../lib/i18n';
import { t } from '../lib/studio-text';

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
  const { draft } = useAppDraft();
  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  return (
    <div className="lt-page">
      <h1>
        {label(draft.label)} <code className="st-code">{p.appId}</code>
      </h1>
      <div className="st-grid">
        {DOCUMENT_KINDS.map((kind) => (
          <div key={kind} className="lt-card st-tile" data-kind={kind}>
            <span className="lt-muted">{label(KIND_LABEL[kind])}</span>
            <h3>{draft.documents.filter((d) => d.kind === kind).length}</h3>
          </div>
        ))}
      </div>
    </div>
  );
}
