import type { EntityDoc, FieldType } from '@lattice/engine';
import { documentsOfKind } from '@lattice/engine';
import { FieldListDesigner } from '@lattice/form-builder';
import { useState } from 'react';
import { ErrorText } from '../../components/error-text';
import { I18nInputs } from '../../components/i18n-inputs';
import { useAppDraft } from '../../lib/app-draft';
import { DraftUndoButtons, editMergeKey, useDraftHistory } from '../../lib/draft-history';
import { errorsByPath } from '../../lib/errors-by-path';
import { label, useLocale } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { t } from '../../lib/studio-text';
import {
  addField,
  draftEntity,
  moveField,
  removeEntity,
  removeField,
  replaceDocument,
  setRelatedList,
  updateField,
} from '../../model/draft-edits';
import { newField } from '../../model/new-field';
import { EntityAccessPanel } from './entity-access-panel';
import { EntityTabs } from './entity-tabs';
import { FieldPropertyPanel } from './field-property-panel';
import { SelectProp } from './number-prop';

/**
 * The entity designer: entity label and title field, the palette of all field types dragged onto the
 * field list (reorder by drag, keyboard too), and the selected field's property panel. Every edit is
 * one undo step (buttons, Ctrl+Z / Ctrl+Shift+Z); typing into one property merges into one step.
 */
export function EntityDesignerPage(p: { appId: string; entity: string }) {
  const locale = useLocale();
  const { draft, errors } = useAppDraft();
  const history = useDraftHistory();
  const update = history.edit;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  const entity = draftEntity(draft, p.entity);
  if (!entity) return <div className="lt-page">{t('notFound')}</div>;
  const docIndex = draft.documents.indexOf(entity);
  const docErrors = errorsByPath(errors, `documents.${docIndex}`);
  const selected = entity.fields.find((f) => f.id === selectedId);
  const selectedIndex = selected ? entity.fields.indexOf(selected) : -1;
  const fieldErrors = errorsByPath(errors, `documents.${docIndex}.fields.${selectedIndex}`);
  const setEntity = (patch: Partial<EntityDoc>) =>
    update(
      (d) => replaceDocument(d, draftEntity(d, p.entity), { ...draftEntity(d, p.entity)!, ...patch }),
      editMergeKey(`entity:${entity.name}`, entity, { ...entity, ...patch }),
    );
  const otherEntities = documentsOfKind(draft, 'entity').filter((e) => e.name !== entity.name);
  const problems = entity.fields.flatMap((f, i) =>
    Object.entries(errorsByPath(errors, `documents.${docIndex}.fields.${i}`)).map(([path, message]) => ({
      field: f,
      path,
      message,
    })),
  );

  const onAddField = (type: FieldType, index: number) => {
    const field = newField(type, entity, {
      referenceTarget: otherEntities.find((e) => e.name === 'customer')?.name ?? otherEntities[0]?.name,
    });
    update((d) => addField(d, p.entity, field, index));
    setSelectedId(field.id);
  };

  return (
    <div className="lt-page">
      <EntityTabs appId={p.appId} entity={entity.name} entityLabel={entity.label} active="fields" />
      <DraftUndoButtons history={history} />
      <section className="lt-card st-section" data-testid="entity-settings">
        <h2>{t('entitySettings')}</h2>
        <div className="st-row" style={{ alignItems: 'flex-start' }}>
          <div style={{ flex: 2, minWidth: 260 }}>
            <I18nInputs
              name="entity.label"
              value={entity.label}
              onChange={(l) => setEntity({ label: l })}
              errors={prefixed(docErrors, 'entity.')}
            />
          </div>
          <SelectProp
            name="titleField"
            label={t('titleField')}
            value={entity.titleField}
            options={entity.fields.map((f) => ({ value: f.name, label: `${label(f.label)} (${f.name})` }))}
            onChange={(titleField) => setEntity({ titleField })}
            error={docErrors.titleField}
          />
        </div>
        <ErrorText message={docErrors._ ?? docErrors.fields ?? docErrors.name} path="entity" />
        <ErrorText message={blocked ?? undefined} path="entity.delete" />
        <div className="st-row" style={{ justifyContent: 'flex-end' }}>
          <button
            type="button"
            className="lt-btn lt-btn-danger"
            data-action="delete-entity"
            onClick={() => {
              const result = removeEntity(draft, entity.name);
              if (!result.draft)
                return setBlocked(t('deleteEntityBlocked', { list: result.blockedBy.join(', ') }));
              if (!window.confirm(t('deleteEntityConfirm', { name: label(entity.label) }))) return;
              update((d) => removeEntity(d, p.entity).draft ?? d);
              navigate(`/apps/${p.appId}/entities`);
            }}
          >
            {t('deleteEntity')}
          </button>
        </div>
      </section>
      {problems.length > 0 && (
        <div className="lt-error-banner st-problems" data-testid="field-problems">
          {problems.map((x) => (
            <div key={`${x.field.id}:${x.path}`}>
              <button type="button" onClick={() => setSelectedId(x.field.id)}>
                <strong>{label(x.field.label) || x.field.name}</strong> · <code>{x.path}</code> {x.message}
              </button>
            </div>
          ))}
        </div>
      )}
      <FieldListDesigner
        fields={entity.fields}
        locale={locale}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onAddField={onAddField}
        onMoveField={(id, to) => update((d) => moveField(d, p.entity, id, to))}
        onRemoveField={(id) => {
          update((d) => removeField(d, p.entity, id));
          if (id === selectedId) setSelectedId(null);
        }}
      >
        <FieldPropertyPanel
          field={selected}
          entity={entity}
          draft={draft}
          errors={fieldErrors}
          onChange={(f) =>
            update((d) => updateField(d, p.entity, f), editMergeKey(`field:${f.id}`, selected, f))
          }
          onRemove={() => {
            if (!selected) return;
            update((d) => removeField(d, p.entity, selected.id));
            setSelectedId(null);
          }}
          onSetTitle={() => selected && setEntity({ titleField: selected.name })}
          onRelatedList={(show) => {
            if (!selected) return;
            update((d) => {
              const current = draftEntity(d, p.entity)!;
              const via = current.fields.find((f) => f.id === selected.id)!;
              return setRelatedList(d, current, via, show);
            });
          }}
        />
      </FieldListDesigner>
      <div style={{ marginTop: 16 }}>
        <EntityAccessPanel draft={draft} entity={entity.name} update={update} />
      </div>
    </div>
  );
}

/** `label.zh` errors for the entity's I18nInputs named `entity.label`. */
function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [prefix + k, v]));
}
