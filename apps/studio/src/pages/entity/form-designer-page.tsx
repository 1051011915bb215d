import type { Field, FieldType, FormDoc } from '@lattice/engine';
import { defaultFormForEntity, documentsOfKind } from '@lattice/engine';
import { FormDesigner } from '@lattice/form-builder';
import { useCallback, useMemo } from 'react';
import { useAppDraft } from '../../lib/app-draft';
import { useDirectoryOptions } from '../../lib/directory-options';
import { errorsByPath } from '../../lib/errors-by-path';
import { label, useLocale } from '../../lib/i18n';
import { recordLookup } from '../../lib/record-lookup';
import { t } from '../../lib/studio-text';
import { addField, draftEntity, entityForm, replaceDocument, updateField } from '../../model/draft-edits';
import { newField } from '../../model/new-field';
import { EntityTabs } from './entity-tabs';

/**
 * The form designer for an entity's form document: palette → canvas (sections, columns, tabs), property
 * panel with condition builders, undo/redo and live preview. New field types dropped here are created on
 * the entity too.
 */
export function FormDesignerPage(p: { appId: string; entity: string }) {
  const locale = useLocale();
  const { draft, update, errors } = useAppDraft();
  const entity = draft ? draftEntity(draft, p.entity) : undefined;
  const form = draft ? entityForm(draft, p.entity) : undefined;
  const onChange = useCallback(
    (next: FormDoc) => update((d) => replaceDocument(d, entityForm(d, p.entity), next)),
    [update, p.entity],
  );
  const onAddField = useCallback(
    (type: FieldType): Field | null => {
      let created: Field | null = null;
      update((d) => {
        const current = draftEntity(d, p.entity);
        if (!current) return d;
        const others = documentsOfKind(d, 'entity').filter((e) => e.name !== p.entity);
        created = newField(type, current, {
          referenceTarget: others.find((e) => e.name === 'customer')?.name ?? others[0]?.name,
        });
        return addField(d, p.entity, created, current.fields.length, { placeOnForm: false });
      });
      return created;
    },
    [update, p.entity],
  );
  const onFieldChange = useCallback(
    (f: Field) => update((d) => updateField(d, p.entity, f)),
    [update, p.entity],
  );
  const lookup = useMemo(() => (draft ? recordLookup(p.appId, draft) : undefined), [p.appId, draft]);
  const { users, departments } = useDirectoryOptions();
  const previewProps = useMemo(() => ({ lookup, users, departments }), [lookup, users, departments]);

  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  if (!entity) return <div className="lt-page">{t('notFound')}</div>;
  const formIndex = form ? draft.documents.indexOf(form) : -1;
  const formErrors = Object.entries(errorsByPath(errors, `documents.${formIndex}`));
  return (
    <div className="lt-page">
      <EntityTabs appId={p.appId} entity={entity.name} entityLabel={entity.label} active="form" />
      {!form ? (
        <div className="lt-card st-section">
          <p>{t('noForm')}</p>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="create-form"
            onClick={() =>
              update((d) => replaceDocument(d, undefined, defaultFormForEntity(draftEntity(d, p.entity)!)))
            }
          >
            {t('createForm')}
          </button>
        </div>
      ) : (
        <>
          {formErrors.length > 0 && (
            <div className="lt-error-banner" data-testid="form-problems">
              <strong>{t('formProblems')}</strong>
              {formErrors.map(([path, message]) => (
                <div key={path} data-error-for={path}>
                  <code>{describeFormPath(form, path)}</code> {message}
                </div>
              ))}
            </div>
          )}
          <FormDesigner
            entity={entity}
            form={form}
            onChange={onChange}
            locale={locale}
            onAddField={onAddField}
            onFieldChange={onFieldChange}
            previewProps={previewProps}
          />
        </>
      )}
    </div>
  );
}

/** `sections.1.items.2.field` → `Section title › field label`, so the analyst finds the element. */
function describeFormPath(form: FormDoc, path: string): string {
  const m = /^sections\.(\d+)(?:\.items\.(\d+))?/.exec(path);
  const section = m ? form.sections[Number(m[1])] : undefined;
  if (!section) return path;
  const item = m?.[2] !== undefined ? section.items[Number(m[2])] : undefined;
  return [label(section.title), item ? (item.label ? label(item.label) : item.field) : '']
    .filter(Boolean)
    .join(' › ');
}
