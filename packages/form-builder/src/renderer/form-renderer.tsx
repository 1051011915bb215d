import type { EntityDoc, FormDoc, FormSection, Locale } from '@lattice/engine';
import { defaultFormForEntity, pickText } from '@lattice/engine';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { applyComputedValues } from '../logic/apply-computed-values';
import type { LogicContext } from '../logic/evaluate-form-state';
import { evaluateFormState, logicData } from '../logic/evaluate-form-state';
import { compileLogic } from '../logic/evaluate-logic';
import { fieldByName } from '../logic/form-items';
import { validateFormValues } from '../logic/validate-form-values';
import { FormFieldCell } from './form-field-cell';
import type { FormServices, LookupSource, PickerSource, Uploader } from './form-services';
import type { FieldErrorInput } from './server-errors-by-field';
import { serverErrorsByField } from './server-errors-by-field';

export interface FormRendererProps {
  entity: EntityDoc;
  /** The form layout; defaults to `defaultFormForEntity(entity)`. */
  form?: FormDoc;
  /** Record values by field name (API shape). */
  value: Record<string, unknown>;
  /** Called with the new values (computed values and defaults already applied) and the edited field. */
  onChange: (value: Record<string, unknown>, changedField: string | null) => void;
  /** Server errors `[{ path, message }]`; path = field name (prefixes like `values.` are tolerated). */
  errors?: readonly FieldErrorInput[];
  locale?: Locale;
  /** View mode: every widget read-only. */
  readOnly?: boolean;
  /**
   * When client validation errors show: `touched` (after the user left or edited the field; default),
   * `all` (e.g. after a submit attempt), `none`.
   */
  showClientErrors?: 'touched' | 'all' | 'none';
  lookup?: LookupSource;
  uploader?: Uploader;
  users?: PickerSource;
  departments?: PickerSource;
  currentUser?: FormServices['currentUser'];
  /** The stored record before this edit (stage transitions are checked against it). */
  existing?: Record<string, unknown>;
  /** Clock for note timestamps. */
  now?: () => Date;
  className?: string;
}

/**
 * Renders an entity's form from metadata: sections in a CSS grid (columns, span), tabs, collapsible
 * sections, help text and a proper widget for every field type. Conditions (`visibleWhen`,
 * `requiredWhen`, `readonlyWhen`), `compute` and `defaultValue` are evaluated live on every change;
 * client validation uses the server's rules; server `errors` land on their fields. Every field wrapper
 * has `data-field="<name>"` and every error `data-error-for="<name>"`.
 *
 * @example
 * <FormRenderer entity={entity} form={form} value={values} onChange={(v) => setValues(v)}
 *   errors={apiError?.details} lookup={{ search: (e, q) => api.search(e, q) }} locale="zh-CN" />
 */
export function FormRenderer(props: FormRendererProps) {
  const {
    entity,
    value,
    onChange,
    readOnly,
    existing,
    now,
    locale = 'zh-CN',
    showClientErrors = 'touched',
  } = props;
  const form = useMemo(() => props.form ?? defaultFormForEntity(entity), [props.form, entity]);
  const idPrefix = `lf${useId().replace(/:/g, '')}`;
  const ctx: LogicContext = useMemo(
    () => ({ user: props.currentUser, readOnly: readOnly === true }),
    [props.currentUser, readOnly],
  );
  const services: FormServices = useMemo(
    () => ({
      lookup: props.lookup,
      uploader: props.uploader,
      users: props.users,
      departments: props.departments,
      currentUser: props.currentUser,
      existing: props.existing,
      now: props.now,
    }),
    [
      props.lookup,
      props.uploader,
      props.users,
      props.departments,
      props.currentUser,
      props.existing,
      props.now,
    ],
  );

  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [editedSinceErrors, setEditedSinceErrors] = useState<ReadonlySet<string>>(() => new Set());
  const defaulted = useRef<string[]>([]);
  const latest = useRef({ value, entity, form, ctx, onChange, touched });
  latest.current = { value, entity, form, ctx, onChange, touched };

  // biome-ignore lint/correctness/useExhaustiveDependencies: new server errors (a new array) reset the edited set
  useEffect(() => {
    // Server errors are fresh again once new ones arrive.
    setEditedSinceErrors(new Set());
  }, [props.errors]);

  useEffect(() => {
    // Apply defaults and computed values once on open (and when the form changes).
    const l = latest.current;
    const result = applyComputedValues(entity, form, l.value, { ...l.ctx, touched: l.touched });
    defaulted.current = result.defaulted;
    if (result.values !== l.value) l.onChange(result.values, null);
  }, [entity, form]);

  const onFieldChange = useCallback((name: string, v: unknown) => {
    const l = latest.current;
    const nextTouched = new Set(l.touched).add(name);
    const next = { ...l.value, [name]: v };
    const result = applyComputedValues(l.entity, l.form, next, {
      ...l.ctx,
      touched: nextTouched,
      defaulted: defaulted.current.filter((f) => f !== name),
    });
    defaulted.current = result.defaulted;
    setTouched(nextTouched);
    setEditedSinceErrors((s) => (s.has(name) ? s : new Set(s).add(name)));
    l.onChange(result.values, name);
  }, []);
  const onFieldBlur = useCallback((name: string) => {
    setTouched((s) => (s.has(name) ? s : new Set(s).add(name)));
  }, []);

  const state = useMemo(() => evaluateFormState(entity, form, value, ctx), [entity, form, value, ctx]);
  const fieldErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (showClientErrors !== 'none' && !readOnly) {
      for (const e of validateFormValues(entity, form, value, { ...ctx, existing, now }, state)) {
        if (showClientErrors === 'all' || touched.has(e.path)) out[e.path] = pickText(e.message, locale);
      }
    }
    const server = serverErrorsByField(entity, props.errors, locale);
    for (const [name, text] of Object.entries(server)) {
      if (name !== '' && !editedSinceErrors.has(name) && out[name] === undefined) out[name] = text;
    }
    return { byField: out, general: server[''] };
  }, [
    entity,
    form,
    value,
    ctx,
    state,
    touched,
    showClientErrors,
    readOnly,
    props.errors,
    existing,
    now,
    editedSinceErrors,
    locale,
  ]);

  const data = useMemo(() => logicData(value, ctx), [value, ctx]);
  const tabs = form.tabs ?? [];
  const [activeTab, setActiveTab] = useState<string | null>(tabs[0]?.id ?? null);
  const shownTab = tabs.some((t) => t.id === activeTab) ? activeTab : (tabs[0]?.id ?? null);

  const renderSection = (section: FormSection) => (
    <FormSectionView key={section.id} section={section} locale={locale}>
      {section.items.map((item) => {
        const field = fieldByName(entity, item.field);
        const st = state.items[item.id];
        if (!field || !st?.visible) return null;
        const shown = field.type === 'formula' ? compileLogic(field.expression)(data) : value[field.name];
        return (
          <FormFieldCell
            key={item.id}
            field={field}
            item={item}
            value={shown}
            required={st.required}
            readonly={st.readonly}
            error={fieldErrors.byField[field.name]}
            locale={locale}
            columns={section.columns}
            services={services}
            idPrefix={idPrefix}
            onFieldChange={onFieldChange}
            onFieldBlur={onFieldBlur}
          />
        );
      })}
    </FormSectionView>
  );

  const visible = form.sections.filter((s) => state.sections[s.id]);
  const errorsInTab = (tabId: string) =>
    visible
      .filter((s) => s.tab === tabId)
      .flatMap((s) => s.items)
      .filter((i) => state.items[i.id]?.visible && fieldErrors.byField[i.field] !== undefined).length;
  return (
    <div
      className={`lf-form${props.className ? ` ${props.className}` : ''}`}
      data-form={form.name}
      lang={locale}
    >
      {fieldErrors.general && (
        <div className="lf-form-error" role="alert" data-error-for="_form">
          {fieldErrors.general}
        </div>
      )}
      {visible.filter((s) => !s.tab || !tabs.some((t) => t.id === s.tab)).map(renderSection)}
      {tabs.length > 0 && (
        <div className="lf-tabs">
          <div className="lf-tab-bar" role="tablist">
            {tabs.map((t) => {
              const count = errorsInTab(t.id);
              return (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`${idPrefix}-tab-${t.id}`}
                  aria-selected={t.id === shownTab}
                  className={`lf-tab${t.id === shownTab ? ' is-active' : ''}`}
                  data-tab={t.id}
                  onClick={() => setActiveTab(t.id)}
                >
                  {pickText(t.title, locale)}
                  {count > 0 && <span className="lf-badge">{count}</span>}
                </button>
              );
            })}
          </div>
          {tabs.map((t) => (
            // Hidden tabs stay mounted so their widgets keep local state (drafts, signatures).
            <div
              key={t.id}
              role="tabpanel"
              aria-labelledby={`${idPrefix}-tab-${t.id}`}
              hidden={t.id !== shownTab}
            >
              {visible.filter((s) => s.tab === t.id).map(renderSection)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function FormSectionView(p: { section: FormSection; locale: Locale; children: React.ReactNode }) {
  const [collapsed, setCollapsed] = useState(p.section.collapsed === true);
  const title = pickText(p.section.title, p.locale);
  return (
    <section className={`lf-section${collapsed ? ' is-collapsed' : ''}`} data-section={p.section.id}>
      {title && (
        <button
          type="button"
          className="lf-section-title"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((c) => !c)}
        >
          <span className="lf-caret" aria-hidden="true">
            ▸
          </span>
          {title}
        </button>
      )}
      <div
        className="lf-grid"
        style={{ '--lf-cols': p.section.columns } as React.CSSProperties}
        hidden={collapsed}
      >
        {p.children}
      </div>
    </section>
  );
}
