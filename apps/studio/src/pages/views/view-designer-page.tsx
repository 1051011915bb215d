import type { AppDefinition, EntityDoc, ViewDoc } from '@lattice/engine';
import { defaultListView, defaultRecordPage, documentsOfKind } from '@lattice/engine';
import { useState } from 'react';
import { I18nInputs } from '../../components/i18n-inputs';
import { useAppDraft } from '../../lib/app-draft';
import { DraftUndoButtons, editMergeKey, useDraftHistory } from '../../lib/draft-history';
import { errorsByPath } from '../../lib/errors-by-path';
import { label } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { draftEntity, entityViews, removeDocument, replaceDocument } from '../../model/draft-edits';
import { EntityTabs } from '../entity/entity-tabs';
import { ListViewEditor } from './list-view-editor';
import { RecordPageDesigner } from './record-page-designer';

type NewViewType = ViewDoc['type'];

const TYPE_TEXT = {
  list: 'viewTypeList',
  kanban: 'viewTypeKanban',
  calendar: 'viewTypeCalendar',
  record: 'viewTypeRecord',
} as const;

/** A new view of `type` with a unique name (`<entity>_<type>[_n]`), defaults taken from the entity. */
function newView(type: NewViewType, entity: EntityDoc, draft: AppDefinition): ViewDoc {
  const taken = new Set(documentsOfKind(draft, 'view').map((v) => v.name));
  const base = `${entity.name}_${type}`.slice(0, 60);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  const common = { kind: 'view' as const, schemaVersion: 1, entity: entity.name, name };
  switch (type) {
    case 'list':
      return { ...defaultListView(entity), name };
    case 'record':
      return { ...defaultRecordPage(entity, draft), name };
    case 'kanban': {
      const stage =
        entity.fields.find((f) => f.type === 'stage') ?? entity.fields.find((f) => f.type === 'select');
      return {
        ...common,
        type,
        label: { zh: `${entity.label.zh}看板`, en: `${entity.label.en} board` },
        stageField: stage?.name ?? '',
        cardFields: [entity.titleField],
      };
    }
    case 'calendar': {
      const date = entity.fields.find((f) => f.type === 'date' || f.type === 'datetime');
      return {
        ...common,
        type,
        label: { zh: `${entity.label.zh}日历`, en: `${entity.label.en} calendar` },
        dateField: date?.name ?? '',
      };
    }
  }
}

/**
 * The view designer: the entity's views (list, kanban, calendar, record page) and the selected one's
 * editor. Every edit is one undo step (buttons, Ctrl+Z / Ctrl+Shift+Z).
 */
export function ViewDesignerPage(p: { appId: string; entity: string }) {
  const { draft, errors } = useAppDraft();
  const history = useDraftHistory();
  const update = history.edit;
  const [selected, setSelected] = useState<string | null>(null);
  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  const entity = draftEntity(draft, p.entity);
  if (!entity) return <div className="lt-page">{t('notFound')}</div>;
  const views = entityViews(draft, p.entity);
  const view = views.find((v) => v.name === selected) ?? views[0];
  const viewErrors = view
    ? Object.entries(errorsByPath(errors, `documents.${draft.documents.indexOf(view)}`))
    : [];
  const setView = (next: ViewDoc) =>
    update(
      (d) =>
        replaceDocument(
          d,
          documentsOfKind(d, 'view').find((v) => v.name === view?.name),
          next,
        ),
      editMergeKey(`view:${next.name}`, view, next),
    );
  const canKanban = entity.fields.some((f) => f.type === 'stage' || f.type === 'select');
  const canCalendar = entity.fields.some((f) => f.type === 'date' || f.type === 'datetime');
  return (
    <div className="lt-page">
      <EntityTabs appId={p.appId} entity={entity.name} entityLabel={entity.label} active="views" />
      <DraftUndoButtons history={history} />
      <div className="st-row" style={{ marginBottom: 12 }}>
        <span className="lt-muted">{t('addView')}</span>
        {(['list', 'kanban', 'calendar', 'record'] as const).map((type) => (
          <button
            key={type}
            type="button"
            className="lt-btn"
            data-new-view={type}
            disabled={
              (type === 'kanban' && !canKanban) ||
              (type === 'calendar' && !canCalendar) ||
              (type === 'record' && views.some((v) => v.type === 'record'))
            }
            onClick={() => {
              const created = newView(type, entity, draft);
              update((d) => replaceDocument(d, undefined, created));
              setSelected(created.name);
            }}
          >
            + {t(TYPE_TEXT[type])}
          </button>
        ))}
      </div>
      {views.length === 0 || !view ? (
        <p className="lt-muted">{t('noViews')}</p>
      ) : (
        <div className="st-split">
          <div className="lt-card st-list">
            {views.map((v) => (
              <button
                key={v.name}
                type="button"
                className={v === view ? 'is-active' : ''}
                data-view={v.name}
                onClick={() => setSelected(v.name)}
              >
                <span>{label(v.label)}</span>
                <span className="st-list-meta">{t(TYPE_TEXT[v.type])}</span>
              </button>
            ))}
          </div>
          <section className="lt-card st-section" data-view-editor={view.name}>
            {viewErrors.length > 0 && (
              <div className="lt-error-banner" data-testid="view-problems">
                {viewErrors.map(([path, message]) => (
                  <div key={path} data-error-for={path}>
                    <code>{path}</code> {message}
                  </div>
                ))}
              </div>
            )}
            <div className="st-row" style={{ alignItems: 'flex-end' }}>
              <div style={{ flex: 1 }}>
                <I18nInputs
                  name="view.label"
                  value={view.label}
                  onChange={(l) => setView({ ...view, label: l })}
                />
              </div>
              <code className="st-code">{view.name}</code>
              <button
                type="button"
                className="lt-btn lt-btn-danger"
                data-action="delete-view"
                onClick={() => {
                  update((d) =>
                    removeDocument(d, documentsOfKind(d, 'view').find((v) => v.name === view.name)!),
                  );
                  setSelected(null);
                }}
              >
                {t('deleteView')}
              </button>
            </div>
            <div style={{ marginTop: 12 }}>
              {view.type === 'record' ? (
                <RecordPageDesigner page={view} entity={entity} draft={draft} onChange={setView} />
              ) : (
                <ListViewEditor view={view} entity={entity} onChange={setView} />
              )}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
