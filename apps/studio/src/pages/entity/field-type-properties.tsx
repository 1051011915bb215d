import type {
  AppDefinition,
  EntityDoc,
  Field,
  FormulaResultType,
  RollupAggregate,
  TagNode,
} from '@lattice/engine';
import { documentsOfKind, NUMERIC_FIELD_TYPES } from '@lattice/engine';
import { JsonLogicInput, OptionsEditor } from '@lattice/form-builder';
import { JsonTextInput } from '../../components/json-text-input';
import { label, useLocale } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { relatedListOn } from '../../model/draft-edits';
import { CheckProp, NumberProp, SelectProp } from './number-prop';

export interface TypePropsProps {
  field: Field;
  entity: EntityDoc;
  draft: AppDefinition;
  onChange: (f: Field) => void;
  onRelatedList: (show: boolean) => void;
  errors: Readonly<Record<string, string>>;
}

/** The properties that only one field type has (options, reference target, formula, rollup, stages…). */
export function FieldTypeProperties(p: TypePropsProps) {
  const locale = useLocale();
  const { field, errors } = p;
  const set = (patch: Record<string, unknown>) => p.onChange({ ...field, ...patch } as Field);
  const entities = documentsOfKind(p.draft, 'entity');
  switch (field.type) {
    case 'text':
      return (
        <div className="st-row">
          <NumberProp
            name="maxLength"
            label={t('maxLength')}
            value={field.maxLength}
            onChange={(maxLength) => set({ maxLength })}
            error={errors.maxLength}
          />
          <label className="st-field" style={{ flex: 2 }}>
            {t('pattern')}
            <input
              className="lt-input"
              data-prop="pattern"
              value={field.pattern ?? ''}
              onChange={(e) => set({ pattern: e.target.value || undefined })}
            />
          </label>
        </div>
      );
    case 'longtext':
      return (
        <NumberProp
          name="maxLength"
          label={t('maxLength')}
          value={field.maxLength}
          onChange={(maxLength) => set({ maxLength })}
          error={errors.maxLength}
        />
      );
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent':
      return (
        <div className="st-row">
          <NumberProp
            name="min"
            label={t('min')}
            value={field.min}
            onChange={(min) => set({ min })}
            error={errors.min}
          />
          <NumberProp
            name="max"
            label={t('max')}
            value={field.max}
            onChange={(max) => set({ max })}
            error={errors.max}
          />
          {field.type === 'number' && (
            <NumberProp
              name="precision"
              label={t('precision')}
              value={field.precision}
              onChange={(precision) => set({ precision })}
              error={errors.precision}
            />
          )}
          {field.type === 'currency' && (
            <label className="st-field" style={{ flex: 1 }}>
              {t('currencyCode')}
              <input
                className="lt-input"
                data-prop="currency"
                value={field.currency ?? ''}
                placeholder="CNY"
                onChange={(e) => set({ currency: e.target.value || undefined })}
              />
            </label>
          )}
        </div>
      );
    case 'select':
    case 'multiselect':
      return (
        <>
          <OptionsEditor options={field.options} locale={locale} onChange={(options) => set({ options })} />
          {field.type === 'multiselect' && (
            <CheckProp
              name="allowCustom"
              label={t('allowCustom')}
              value={field.allowCustom}
              onChange={(allowCustom) => set({ allowCustom: allowCustom || undefined })}
            />
          )}
        </>
      );
    case 'reference': {
      const target = entities.find((e) => e.name === field.target);
      const { page, section } = relatedListOn(p.draft, field.target, p.entity.name, field.name);
      return (
        <>
          <div className="st-row">
            <SelectProp
              name="target"
              label={t('target')}
              value={field.target}
              options={entities.map((e) => ({ value: e.name, label: `${label(e.label)} (${e.name})` }))}
              onChange={(target) => set({ target })}
              error={errors.target}
            />
            <SelectProp
              name="onDelete"
              label={t('onDelete')}
              value={field.onDelete}
              options={[
                { value: 'restrict', label: t('onDeleteRestrict') },
                { value: 'set_null', label: t('onDeleteSetNull') },
                { value: 'cascade', label: t('onDeleteCascade') },
              ]}
              onChange={(onDelete) => set({ onDelete })}
              error={errors.onDelete}
            />
          </div>
          {target &&
            target.name !== p.entity.name &&
            (page ? (
              <CheckProp
                name="relatedList"
                label={t('relatedList', { target: label(target.label) })}
                value={Boolean(section)}
                onChange={p.onRelatedList}
              />
            ) : (
              <span className="lt-muted">{t('noRecordPage', { target: label(target.label) })}</span>
            ))}
        </>
      );
    }
    case 'file':
    case 'image':
      return (
        <div className="st-row">
          <CheckProp
            name="multiple"
            label={t('multiple')}
            value={field.multiple}
            onChange={(multiple) => set({ multiple: multiple || undefined })}
          />
          <NumberProp
            name="maxSizeMb"
            label={t('maxSizeMb')}
            value={field.maxSizeMb}
            onChange={(maxSizeMb) => set({ maxSizeMb })}
            error={errors.maxSizeMb}
          />
          {field.type === 'file' && (
            <label className="st-field" style={{ flex: 2 }}>
              {t('accept')}
              <input
                className="lt-input"
                data-prop="accept"
                value={(field.accept ?? []).join(',')}
                placeholder=".pdf,.docx"
                onChange={(e) => {
                  const accept = e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean);
                  set({ accept: accept.length > 0 ? accept : undefined });
                }}
              />
            </label>
          )}
        </div>
      );
    case 'formula':
      return (
        <>
          <label className="st-field">
            {t('expression')}
            <JsonLogicInput
              name="expression"
              value={field.expression}
              onChange={(expression) => expression !== undefined && set({ expression })}
            />
          </label>
          <SelectProp
            name="resultType"
            label={t('resultType')}
            value={field.resultType}
            options={(['number', 'text', 'boolean', 'date'] satisfies FormulaResultType[]).map((v) => ({
              value: v,
              label: v,
            }))}
            onChange={(resultType) => set({ resultType })}
            error={errors.resultType}
          />
          {errors.expression && (
            <span className="st-field-error" data-error-for="expression">
              {errors.expression}
            </span>
          )}
        </>
      );
    case 'rollup': {
      const children = entities.filter((e) =>
        e.fields.some((f) => f.type === 'reference' && f.target === p.entity.name),
      );
      const child = entities.find((e) => e.name === field.relation.entity);
      const vias = child?.fields.filter((f) => f.type === 'reference' && f.target === p.entity.name) ?? [];
      const measures = child?.fields.filter((f) => NUMERIC_FIELD_TYPES.includes(f.type)) ?? [];
      return (
        <>
          <div className="st-row">
            <SelectProp
              name="relation.entity"
              label={t('rollupEntity')}
              value={field.relation.entity}
              placeholder={t('choose')}
              options={children.map((e) => ({ value: e.name, label: label(e.label) }))}
              onChange={(entity) => set({ relation: { entity, field: '' } })}
              error={errors['relation.entity'] ?? errors.relation}
            />
            <SelectProp
              name="relation.field"
              label={t('rollupVia')}
              value={field.relation.field}
              placeholder={t('choose')}
              options={vias.map((f) => ({ value: f.name, label: label(f.label) }))}
              onChange={(via) => set({ relation: { ...field.relation, field: via } })}
              error={errors['relation.field']}
            />
          </div>
          <div className="st-row">
            <SelectProp
              name="aggregate"
              label={t('aggregate')}
              value={field.aggregate}
              options={(['count', 'sum', 'avg', 'min', 'max'] satisfies RollupAggregate[]).map((v) => ({
                value: v,
                label: v,
              }))}
              onChange={(aggregate) => set({ aggregate })}
            />
            {field.aggregate !== 'count' && (
              <SelectProp
                name="measure"
                label={t('measure')}
                value={field.measure ?? ''}
                placeholder={t('choose')}
                options={measures.map((f) => ({ value: f.name, label: label(f.label) }))}
                onChange={(measure) => set({ measure: measure || undefined })}
                error={errors.measure}
              />
            )}
          </div>
          <label className="st-field">
            {t('filter')}
            <JsonLogicInput name="filter" value={field.filter} onChange={(filter) => set({ filter })} />
          </label>
        </>
      );
    }
    case 'autonumber':
      return (
        <label className="st-field">
          {t('autonumberPattern')}
          <input
            className={`lt-input${errors.pattern ? ' st-input-error' : ''}`}
            data-prop="pattern"
            value={field.pattern}
            onChange={(e) => set({ pattern: e.target.value })}
          />
          <small>{t('autonumberHint')}</small>
          {errors.pattern && (
            <span className="st-field-error" data-error-for="pattern">
              {errors.pattern}
            </span>
          )}
        </label>
      );
    case 'rating':
      return (
        <NumberProp
          name="max"
          label={t('max')}
          value={field.max}
          onChange={(max) => set({ max })}
          error={errors.max}
        />
      );
    case 'tags':
      return (
        <label className="st-field">
          {t('tagTree')}
          <JsonTextInput<TagNode[]>
            name="tree"
            value={field.tree}
            onChange={(tree) => set({ tree: tree ?? [] })}
          />
          {errors.tree && (
            <span className="st-field-error" data-error-for="tree">
              {errors.tree}
            </span>
          )}
        </label>
      );
    case 'stage':
      return (
        <>
          <fieldset>
            <legend>{t('stages')}</legend>
            <OptionsEditor
              options={field.stages}
              locale={locale}
              onChange={(opts) =>
                set({ stages: opts.map((o) => ({ ...field.stages.find((s) => s.value === o.value), ...o })) })
              }
            />
          </fieldset>
          <label className="st-field">
            {t('transitions')}
            <JsonTextInput<Record<string, string[]>>
              name="transitions"
              value={field.transitions}
              onChange={(transitions) => set({ transitions })}
            />
            {errors.transitions && (
              <span className="st-field-error" data-error-for="transitions">
                {errors.transitions}
              </span>
            )}
          </label>
        </>
      );
    default:
      return null;
  }
}
