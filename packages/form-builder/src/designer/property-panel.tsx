import type { EntityDoc, Field, FormItem, FormSection, FormTab, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { ConditionBuilder } from '../conditions/condition-builder';
import { widgetsForFieldType } from '../schema/widgets-for-field-type';
import type { DesignerAction, DesignerState } from './designer-state';
import { designerText } from './designer-text';
import { FIELD_TYPE_META } from './field-type-meta';
import { I18nTextInputs } from './i18n-text-inputs';
import { JsonLogicInput } from './json-logic-input';
import { OptionsEditor } from './options-editor';
import { ValidationsEditor } from './validations-editor';

export interface PropertyPanelProps {
  state: DesignerState;
  dispatch: (action: DesignerAction) => void;
  entity: EntityDoc;
  locale?: Locale;
  /**
   * Edits of the entity field itself (required, options, validations). Without it those properties are
   * shown read-only: they belong to the entity, not the form.
   */
  onFieldChange?: (field: Field) => void;
}

/** The property panel for the selected item, section or tab. */
export function PropertyPanel(p: PropertyPanelProps) {
  const locale = p.locale ?? 'zh-CN';
  const { form, selectedId } = p.state;
  const section = form.sections.find((s) => s.id === selectedId);
  const item = form.sections.flatMap((s) => s.items).find((i) => i.id === selectedId);
  const tab = form.tabs?.find((t) => t.id === selectedId);
  return (
    <div className="lf-props" data-properties={selectedId ?? ''}>
      <h3>{designerText('properties', locale)}</h3>
      {item ? (
        <ItemProperties
          {...p}
          locale={locale}
          item={item}
          section={form.sections.find((s) => s.items.includes(item))!}
        />
      ) : section ? (
        <SectionProperties {...p} locale={locale} section={section} />
      ) : tab ? (
        <TabProperties {...p} locale={locale} tab={tab} />
      ) : (
        <p className="lf-muted">{designerText('nothingSelected', locale)}</p>
      )}
    </div>
  );
}

function ItemProperties(p: PropertyPanelProps & { item: FormItem; section: FormSection; locale: Locale }) {
  const { item, locale, dispatch, entity } = p;
  const field = entity.fields.find((f) => f.name === item.field);
  const patch = (x: Partial<Omit<FormItem, 'id'>>, merge?: string) =>
    dispatch({ type: 'updateItem', itemId: item.id, patch: x, merge: merge && `${merge}:${item.id}` });
  if (!field) return <p className="lf-error">{designerText('unknownField', locale)}</p>;
  const editField = p.onFieldChange;
  return (
    <>
      <p className="lf-muted">
        {FIELD_TYPE_META[field.type].icon} {pickText(FIELD_TYPE_META[field.type].label, locale)} ·{' '}
        <code>{field.name}</code>
      </p>
      <I18nTextInputs
        name="label"
        value={item.label}
        placeholder={field.label}
        onChange={(label) => patch({ label }, 'label')}
        zhKey="labelZh"
        enKey="labelEn"
        locale={locale}
      />
      <label className="lf-check">
        <input
          type="checkbox"
          data-prop="required"
          checked={field.required === true}
          disabled={!editField}
          onChange={(e) => editField?.({ ...field, required: e.target.checked })}
        />
        {designerText('required', locale)}
      </label>
      <div className="lf-row">
        <label className="lf-prop">
          {designerText('widget', locale)}
          <select
            className="lf-input"
            data-prop="widget"
            value={item.widget ?? 'auto'}
            onChange={(e) =>
              patch({
                widget: e.target.value === 'auto' ? undefined : (e.target.value as FormItem['widget']),
              })
            }
          >
            {widgetsForFieldType(field.type).map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label className="lf-prop">
          {designerText('span', locale)}
          <select
            className="lf-input"
            data-prop="span"
            value={item.span ?? 1}
            onChange={(e) =>
              patch({ span: Number(e.target.value) === 1 ? undefined : Number(e.target.value) })
            }
          >
            {Array.from({ length: p.section.columns }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <I18nTextInputs
        name="help"
        value={item.help}
        placeholder={field.help}
        onChange={(help) => patch({ help }, 'help')}
        zhKey="helpZh"
        enKey="helpEn"
        locale={locale}
      />
      {(field.type === 'select' || field.type === 'multiselect') &&
        (editField ? (
          <OptionsEditor
            options={field.options}
            locale={locale}
            onChange={(options) => editField({ ...field, options })}
          />
        ) : (
          <p className="lf-muted">{designerText('onlyEntityFields', locale)}</p>
        ))}
      {editField && (
        <ValidationsEditor
          entity={entity}
          fieldName={field.name}
          validations={field.validations ?? []}
          locale={locale}
          onChange={(validations) =>
            editField({ ...field, validations: validations.length > 0 ? validations : undefined } as Field)
          }
        />
      )}
      {(['visibleWhen', 'requiredWhen', 'readonlyWhen'] as const).map((key) => (
        <fieldset key={key} data-prop={key}>
          <legend>{designerText(key, locale)}</legend>
          <ConditionBuilder
            entity={entity}
            value={item[key]}
            locale={locale}
            label={designerText(key, locale)}
            onChange={(v) => patch({ [key]: v })}
          />
        </fieldset>
      ))}
      <label className="lf-prop">
        {designerText('defaultValue', locale)}
        <JsonLogicInput
          name="defaultValue"
          value={item.defaultValue}
          onChange={(defaultValue) => patch({ defaultValue }, 'defaultValue')}
        />
      </label>
      <label className="lf-prop">
        {designerText('compute', locale)}
        <JsonLogicInput
          name="compute"
          value={item.compute}
          onChange={(compute) => patch({ compute }, 'compute')}
        />
      </label>
      <button
        type="button"
        className="lf-button"
        onClick={() => dispatch({ type: 'removeItem', itemId: item.id })}
      >
        {designerText('remove', locale)}
      </button>
    </>
  );
}

function SectionProperties(p: PropertyPanelProps & { section: FormSection; locale: Locale }) {
  const { section, locale, dispatch } = p;
  const patch = (x: Partial<Omit<FormSection, 'id' | 'items'>>, merge?: string) =>
    dispatch({
      type: 'updateSection',
      sectionId: section.id,
      patch: x,
      merge: merge && `${merge}:${section.id}`,
    });
  const tabs = p.state.form.tabs ?? [];
  return (
    <>
      <I18nTextInputs
        name="title"
        value={section.title}
        onChange={(title) => patch({ title: title ?? { zh: '', en: '' } }, 'title')}
        zhKey="titleZh"
        enKey="titleEn"
        locale={locale}
      />
      <div className="lf-row">
        <label className="lf-prop">
          {designerText('columns', locale)}
          <select
            className="lf-input"
            data-prop="columns"
            value={section.columns}
            onChange={(e) => patch({ columns: Number(e.target.value) as FormSection['columns'] })}
          >
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {tabs.length > 0 && (
          <label className="lf-prop">
            {designerText('tab', locale)}
            <select
              className="lf-input"
              data-prop="tab"
              value={section.tab ?? ''}
              onChange={(e) => patch({ tab: e.target.value === '' ? undefined : e.target.value })}
            >
              <option value="">{designerText('noTab', locale)}</option>
              {tabs.map((t) => (
                <option key={t.id} value={t.id}>
                  {pickText(t.title, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="lf-check">
        <input
          type="checkbox"
          checked={section.collapsed === true}
          onChange={(e) => patch({ collapsed: e.target.checked ? true : undefined })}
        />
        {designerText('collapsed', locale)}
      </label>
      <fieldset data-prop="visibleWhen">
        <legend>{designerText('visibleWhen', locale)}</legend>
        <ConditionBuilder
          entity={p.entity}
          value={section.visibleWhen}
          locale={locale}
          onChange={(visibleWhen) => patch({ visibleWhen })}
        />
      </fieldset>
      <button
        type="button"
        className="lf-button"
        onClick={() => dispatch({ type: 'removeSection', sectionId: section.id })}
      >
        {designerText('remove', locale)}
      </button>
    </>
  );
}

function TabProperties(p: PropertyPanelProps & { tab: FormTab; locale: Locale }) {
  const { tab, locale, dispatch } = p;
  return (
    <>
      <I18nTextInputs
        name="title"
        value={tab.title}
        onChange={(title) =>
          dispatch({
            type: 'updateTab',
            tabId: tab.id,
            patch: { title: title ?? { zh: '', en: '' } },
            merge: `title:${tab.id}`,
          })
        }
        zhKey="titleZh"
        enKey="titleEn"
        locale={locale}
      />
      <button
        type="button"
        className="lf-button"
        onClick={() => dispatch({ type: 'removeTab', tabId: tab.id })}
      >
        {designerText('remove', locale)}
      </button>
    </>
  );
}
