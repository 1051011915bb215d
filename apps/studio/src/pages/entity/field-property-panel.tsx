import type { AppDefinition, EntityDoc, Field } from '@lattice/engine';
import { COMPUTED_FIELD_TYPES, documentsOfKind, FIELD_TYPES, pickText } from '@lattice/engine';
import { FIELD_TYPE_META, ValidationsEditor } from '@lattice/form-builder';
import { ErrorText } from '../../components/error-text';
import { I18nInputs } from '../../components/i18n-inputs';
import { useLocale } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { changeFieldType } from '../../model/new-field';
import { FieldTypeProperties } from './field-type-properties';
import { CheckProp } from './number-prop';

export interface FieldPropertyPanelProps {
  field: Field | undefined;
  entity: EntityDoc;
  draft: AppDefinition;
  /** Server errors of this field, path relative to the field (`name`, `options.0.value`…). */
  errors: Readonly<Record<string, string>>;
  onChange: (f: Field) => void;
  onRemove: () => void;
  onSetTitle: () => void;
  onRelatedList: (show: boolean) => void;
}

/** The entity designer's right panel: every property of the selected field, errors next to each input. */
export function FieldPropertyPanel(p: FieldPropertyPanelProps) {
  const locale = useLocale();
  const { field, errors } = p;
  if (!field) return <p className="lt-muted">{t('selectField')}</p>;
  const set = (patch: Partial<Field>) => p.onChange({ ...field, ...patch } as Field);
  const computed = COMPUTED_FIELD_TYPES.includes(field.type);
  const shown = new Set(['name', 'label', 'label.zh', 'label.en', 'help', 'help.zh', 'help.en']);
  const other = Object.entries(errors).filter(
    ([path]) => !shown.has(path) && !/^(options|validations)\b/.test(path),
  );
  return (
    <div className="st-props" data-field-props={field.name}>
      <h3>
        {FIELD_TYPE_META[field.type].icon} {pickText(FIELD_TYPE_META[field.type].label, locale)}
        {p.entity.titleField === field.name && (
          <span className="lt-badge" style={{ marginLeft: 8 }}>
            {t('isTitle')}
          </span>
        )}
      </h3>
      <label className="st-field">
        {t('fieldName')}
        <input
          className={`lt-input${errors.name ? ' st-input-error' : ''}`}
          data-prop="name"
          value={field.name}
          onChange={(e) => set({ name: e.target.value.trim() })}
        />
        <ErrorText message={errors.name} path="name" />
      </label>
      <I18nInputs name="label" value={field.label} onChange={(label) => set({ label })} errors={errors} />
      <label className="st-field">
        {t('fieldType')}
        <select
          className="lt-input"
          data-prop="type"
          value={field.type}
          onChange={(e) => {
            const others = documentsOfKind(p.draft, 'entity').filter((x) => x.name !== p.entity.name);
            const target = others.find((x) => x.name === 'customer')?.name ?? others[0]?.name;
            p.onChange(
              changeFieldType(field, e.target.value as Field['type'], p.entity, { referenceTarget: target }),
            );
          }}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIELD_TYPE_META[type].icon} {pickText(FIELD_TYPE_META[type].label, locale)}
            </option>
          ))}
        </select>
        <small>{t('fieldTypeHint')}</small>
      </label>
      <I18nInputs
        name="help"
        value={field.help}
        onChange={(help) => set({ help: help.zh || help.en ? help : undefined })}
        errors={errors}
        zhLabel={`${t('help')} (中文)`}
        enLabel={`${t('help')} (English)`}
      />
      {!computed && (
        <div className="st-row">
          <CheckProp
            name="required"
            label={t('required')}
            value={field.required}
            onChange={(v) => set({ required: v || undefined })}
          />
          <CheckProp
            name="unique"
            label={t('unique')}
            value={field.unique}
            onChange={(v) => set({ unique: v || undefined })}
          />
          <CheckProp
            name="sensitive"
            label={t('sensitive')}
            value={field.sensitive}
            onChange={(v) => set({ sensitive: v || undefined })}
          />
        </div>
      )}
      <FieldTypeProperties
        field={field}
        entity={p.entity}
        draft={p.draft}
        onChange={p.onChange}
        onRelatedList={p.onRelatedList}
        errors={errors}
      />
      {!computed && (
        <ValidationsEditor
          entity={p.entity}
          fieldName={field.name}
          validations={field.validations ?? []}
          locale={locale}
          onChange={(validations) => set({ validations: validations.length > 0 ? validations : undefined })}
        />
      )}
      {other.length > 0 && (
        <div className="lt-error-banner" data-error-for="_field">
          {other.map(([path, message]) => (
            <div key={path}>
              <code>{path}</code> {message}
            </div>
          ))}
        </div>
      )}
      <div className="st-row">
        {p.entity.titleField !== field.name && (
          <button type="button" className="lt-btn" data-action="set-title" onClick={p.onSetTitle}>
            {t('setTitle')}
          </button>
        )}
        <button
          type="button"
          className="lt-btn lt-btn-danger"
          data-action="remove-field"
          onClick={p.onRemove}
        >
          {t('removeField')}
        </button>
      </div>
    </div>
  );
}
