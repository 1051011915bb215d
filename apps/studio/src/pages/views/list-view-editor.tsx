import type { CalendarView, EntityDoc, KanbanView, ListView, SortSpec } from '@lattice/engine';
import { DATE_FIELD_TYPES } from '@lattice/engine';
import { ConditionBuilder } from '@lattice/form-builder';
import { ValueArranger } from '../../components/value-arranger';
import { useLocale } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { NumberProp, SelectProp } from '../entity/number-prop';
import { fieldOptions } from './view-fields';

type TableLikeView = ListView | KanbanView | CalendarView;

/** Editor of a list, kanban or calendar view: its layout (columns / stage + cards / date), filters, sorts. */
export function ListViewEditor(p: {
  view: TableLikeView;
  entity: EntityDoc;
  onChange: (v: TableLikeView) => void;
}) {
  const locale = useLocale();
  const { view, entity } = p;
  const options = fieldOptions(entity, true);
  const set = (patch: Partial<TableLikeView>) => p.onChange({ ...view, ...patch } as TableLikeView);
  return (
    <>
      {view.type === 'list' && (
        <fieldset className="st-fieldset">
          <legend>{t('columns')}</legend>
          <ValueArranger
            name="columns"
            value={view.columns}
            options={options}
            onChange={(columns) => set({ columns })}
            emptyText={t('dropFieldsHere')}
            removeLabel={t('remove')}
          />
          <NumberProp
            name="pageSize"
            label={t('pageSize')}
            value={view.pageSize}
            onChange={(pageSize) => set({ pageSize })}
          />
        </fieldset>
      )}
      {view.type === 'kanban' && <KanbanLayout view={view} entity={entity} onChange={(v) => p.onChange(v)} />}
      {view.type === 'calendar' && (
        <div className="st-row">
          <SelectProp
            name="dateField"
            label={t('dateField')}
            value={view.dateField}
            options={entity.fields
              .filter((f) => DATE_FIELD_TYPES.includes(f.type))
              .map((f) => ({ value: f.name, label: options.find((o) => o.value === f.name)!.label }))}
            onChange={(dateField) => set({ dateField })}
          />
          <SelectProp
            name="endField"
            label={t('endField')}
            value={view.endField ?? ''}
            placeholder="—"
            options={entity.fields
              .filter((f) => DATE_FIELD_TYPES.includes(f.type))
              .map((f) => ({ value: f.name, label: options.find((o) => o.value === f.name)!.label }))}
            onChange={(endField) => set({ endField: endField || undefined })}
          />
        </div>
      )}
      <fieldset className="st-fieldset" data-prop="filter">
        <legend>{t('filters')}</legend>
        <ConditionBuilder
          entity={entity}
          value={view.filter}
          locale={locale}
          label={t('filters')}
          onChange={(filter) => set({ filter })}
        />
      </fieldset>
      <SortsEditor
        sort={view.sort ?? []}
        options={options}
        onChange={(sort) => set({ sort: sort.length > 0 ? sort : undefined })}
      />
    </>
  );
}

function KanbanLayout(p: { view: KanbanView; entity: EntityDoc; onChange: (v: KanbanView) => void }) {
  const groupable = p.entity.fields.filter((f) => f.type === 'stage' || f.type === 'select');
  const options = fieldOptions(p.entity);
  return (
    <fieldset className="st-fieldset">
      {groupable.length === 0 && <span className="st-field-error">{t('noStageField')}</span>}
      <SelectProp
        name="stageField"
        label={t('stageField')}
        value={p.view.stageField}
        placeholder="—"
        options={groupable.map((f) => ({
          value: f.name,
          label: options.find((o) => o.value === f.name)!.label,
        }))}
        onChange={(stageField) => p.onChange({ ...p.view, stageField })}
      />
      <legend>{t('cardFields')}</legend>
      <ValueArranger
        name="cardFields"
        value={p.view.cardFields}
        options={options}
        onChange={(cardFields) => p.onChange({ ...p.view, cardFields })}
        emptyText={t('dropFieldsHere')}
        removeLabel={t('remove')}
      />
    </fieldset>
  );
}

function SortsEditor(p: {
  sort: readonly SortSpec[];
  options: { value: string; label: string }[];
  onChange: (s: SortSpec[]) => void;
}) {
  const set = (i: number, patch: Partial<SortSpec>) =>
    p.onChange(p.sort.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="st-fieldset" data-prop="sort">
      <legend>{t('sorts')}</legend>
      {p.sort.map((s, i) => (
        <div className="st-row" key={s.field}>
          <SelectProp
            name={`sort.${i}.field`}
            label=""
            value={s.field}
            options={p.options}
            onChange={(field) => set(i, { field })}
          />
          <SelectProp
            name={`sort.${i}.dir`}
            label=""
            value={s.dir}
            options={[
              { value: 'asc', label: t('asc') },
              { value: 'desc', label: t('desc') },
            ]}
            onChange={(dir) => set(i, { dir: dir === 'desc' ? 'desc' : 'asc' })}
          />
          <button
            type="button"
            className="lt-btn"
            aria-label={t('remove')}
            onClick={() => p.onChange(p.sort.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="lt-btn"
        data-action="add-sort"
        onClick={() => {
          const free = p.options.find((o) => !p.sort.some((s) => s.field === o.value));
          if (free) p.onChange([...p.sort, { field: free.value, dir: 'asc' }]);
        }}
      >
        + {t('addSort')}
      </button>
    </fieldset>
  );
}
