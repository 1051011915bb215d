import type { Duration, EntityDoc, I18nText, RuleTrigger, RuleTriggerType } from '@lattice/engine';
import { ConditionBuilder } from '@lattice/form-builder';
import { I18nInputs } from '../components/i18n-inputs';
import { JsonTextInput } from '../components/json-text-input';
import { getLocale, label } from '../lib/i18n';
import { withOptional } from '../model/with-optional';
import { APPROVAL_OUTCOMES, defaultTrigger, durationParts, TRIGGER_TYPES } from './rule-model';
import { rt } from './rule-text';

const TIME_FIELDS = ['created_at', 'updated_at'];

/** Trigger picker: the type, then the inputs that type needs (fields, stage, cron, timer, flow, button). */
export function TriggerEditor(p: {
  trigger: RuleTrigger;
  onChange: (t: RuleTrigger) => void;
  entity: EntityDoc | undefined;
  flows: string[];
  /** Report names with labels, for schedule rules that run once when a report has rows. */
  reports?: { name: string; label: I18nText }[];
}) {
  const t = p.trigger;
  const fields = p.entity?.fields ?? [];
  const fieldSelect = (
    prop: string,
    value: string,
    onChange: (v: string) => void,
    only?: (type: string) => boolean,
  ) => (
    <label className="st-field">
      {rt('field')}
      <select className="lt-input" data-prop={prop} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {fields
          .filter((f) => !only || only(f.type))
          .map((f) => (
            <option key={f.name} value={f.name}>
              {label(f.label)} ({f.name})
            </option>
          ))}
      </select>
    </label>
  );
  return (
    <div className="st-props">
      <label className="st-field">
        {rt('trigger')}
        <select
          className="lt-input"
          data-prop="trigger.type"
          value={t.type}
          onChange={(e) => p.onChange(defaultTrigger(e.target.value as RuleTriggerType, p.entity, p.flows))}
        >
          {TRIGGER_TYPES.map((o) => (
            <option key={o.type} value={o.type}>
              {label(o.label)}
            </option>
          ))}
        </select>
      </label>
      {t.type === 'record_updated' && (
        <label className="st-field">
          {rt('fields')}
          <select
            className="lt-input"
            multiple
            data-prop="trigger.fields"
            value={t.fields ?? []}
            style={{ height: 96 }}
            onChange={(e) => {
              const picked = [...e.target.selectedOptions].map((o) => o.value);
              p.onChange(
                picked.length ? { type: 'record_updated', fields: picked } : { type: 'record_updated' },
              );
            }}
          >
            {fields.map((f) => (
              <option key={f.name} value={f.name}>
                {label(f.label)} ({f.name})
              </option>
            ))}
          </select>
        </label>
      )}
      {t.type === 'field_changed' && (
        <div className="st-row">
          {fieldSelect('trigger.field', t.field, (field) => p.onChange({ ...t, field }))}
          <OptionalValue
            name="trigger.from"
            caption={rt('from')}
            value={t.from}
            onChange={(from) => p.onChange(withOptional(t, 'from', from))}
          />
          <OptionalValue
            name="trigger.to"
            caption={rt('to')}
            value={t.to}
            onChange={(to) => p.onChange(withOptional(t, 'to', to))}
          />
        </div>
      )}
      {t.type === 'stage_entered' && (
        <div className="st-row">
          {fieldSelect(
            'trigger.field',
            t.field,
            (field) => p.onChange({ ...t, field }),
            (type) => type === 'stage',
          )}
          <label className="st-field">
            {rt('stage')}
            <select
              className="lt-input"
              data-prop="trigger.stage"
              value={t.stage}
              onChange={(e) => p.onChange({ ...t, stage: e.target.value })}
            >
              <option value="">—</option>
              {stagesOf(p.entity, t.field).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {t.type === 'relative_timer' && (
        <>
          <div className="st-row">
            <DurationInput
              name="trigger.after"
              value={t.after}
              onChange={(after) => p.onChange({ ...t, after })}
            />
            <label className="st-field">
              {rt('timerFrom')}
              <select
                className="lt-input"
                data-prop="trigger.from"
                value={t.from}
                onChange={(e) => p.onChange({ ...t, from: e.target.value })}
              >
                {TIME_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
                {fields
                  .filter((f) => f.type === 'date' || f.type === 'datetime')
                  .map((f) => (
                    <option key={f.name} value={f.name}>
                      {label(f.label)} ({f.name})
                    </option>
                  ))}
              </select>
            </label>
          </div>
          {p.entity && (
            <div className="st-field" data-prop="trigger.unless">
              {rt('unless')}
              <ConditionBuilder
                entity={p.entity}
                value={t.unless}
                locale={getLocale()}
                label={rt('unless')}
                onChange={(unless) => p.onChange(withOptional(t, 'unless', unless))}
              />
            </div>
          )}
        </>
      )}
      {t.type === 'schedule' && (
        <>
          <div className="st-row">
            <label className="st-field">
              {rt('cron')}
              <input
                className="lt-input st-mono"
                data-prop="trigger.cron"
                value={t.cron}
                onChange={(e) => p.onChange({ ...t, cron: e.target.value })}
              />
              <small>{rt('cronHint')}</small>
            </label>
            <label className="st-field">
              {rt('timezone')}
              <input
                className="lt-input"
                data-prop="trigger.timezone"
                value={t.timezone ?? 'Asia/Shanghai'}
                onChange={(e) => p.onChange({ ...t, timezone: e.target.value })}
              />
            </label>
          </div>
          <div className="st-row">
            <label className="st-field">
              {rt('scheduleRunsFor')}
              <select
                className="lt-input"
                data-prop="trigger.runsFor"
                value={t.report !== undefined ? 'report' : 'records'}
                onChange={(e) => {
                  const { filter: _f, report: _r, ...rest } = t;
                  p.onChange(
                    e.target.value === 'report' ? { ...rest, report: p.reports?.[0]?.name ?? '' } : rest,
                  );
                }}
              >
                <option value="records">{rt('scheduleEachRecord')}</option>
                <option value="report">{rt('scheduleOnceIfReport')}</option>
              </select>
            </label>
            {t.report !== undefined && (
              <label className="st-field">
                {rt('scheduleReport')}
                <select
                  className="lt-input"
                  data-prop="trigger.report"
                  value={t.report}
                  onChange={(e) => p.onChange({ ...t, report: e.target.value })}
                >
                  <option value="">—</option>
                  {(p.reports ?? []).map((r) => (
                    <option key={r.name} value={r.name}>
                      {label(r.label)} ({r.name})
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {p.entity && t.report === undefined && (
            <div className="st-field" data-prop="trigger.filter">
              {rt('scheduleFilter')}
              <ConditionBuilder
                entity={p.entity}
                value={t.filter}
                locale={getLocale()}
                label={rt('scheduleFilter')}
                onChange={(filter) => p.onChange(withOptional(t, 'filter', filter))}
              />
            </div>
          )}
        </>
      )}
      {t.type === 'approval_outcome' && (
        <div className="st-row">
          <label className="st-field">
            {rt('flow')}
            <select
              className="lt-input"
              data-prop="trigger.flow"
              value={t.flow}
              onChange={(e) => p.onChange({ ...t, flow: e.target.value })}
            >
              <option value="">—</option>
              {p.flows.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="st-field">
            {rt('outcome')}
            <select
              className="lt-input"
              data-prop="trigger.outcome"
              value={t.outcome}
              onChange={(e) => {
                const outcome = APPROVAL_OUTCOMES.find((o) => o.value === e.target.value)?.value;
                if (outcome) p.onChange({ ...t, outcome });
              }}
            >
              {APPROVAL_OUTCOMES.map((o) => (
                <option key={o.value} value={o.value}>
                  {label(o.label)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {t.type === 'manual' && (
        <I18nInputs
          name="trigger.button"
          value={t.button}
          onChange={(button) => p.onChange({ ...t, button })}
          zhLabel={`${rt('button')} (中文)`}
          enLabel={`${rt('button')} (English)`}
        />
      )}
    </div>
  );
}

/** Amount + unit for a {@link Duration}. */
export function DurationInput(p: {
  name: string;
  value: Duration | undefined;
  onChange: (d: Duration) => void;
  caption?: string;
}) {
  const { amount, unit } = durationParts(p.value);
  return (
    <div className="st-row">
      <label className="st-field">
        {p.caption ?? rt('after')}
        <input
          className="lt-input"
          type="number"
          min={0}
          style={{ width: 100 }}
          data-prop={`${p.name}.amount`}
          value={amount}
          onChange={(e) => p.onChange({ [unit]: Math.max(0, Number(e.target.value)) })}
        />
      </label>
      <label className="st-field">
        &nbsp;
        <select
          className="lt-input"
          data-prop={`${p.name}.unit`}
          value={unit}
          onChange={(e) => p.onChange({ [e.target.value]: amount })}
        >
          <option value="minutes">{rt('minutes')}</option>
          <option value="hours">{rt('hours')}</option>
          <option value="days">{rt('days')}</option>
        </select>
      </label>
    </div>
  );
}

function OptionalValue(p: { name: string; caption: string; value: unknown; onChange: (v: unknown) => void }) {
  return (
    <label className="st-field">
      {p.caption}
      <JsonTextInput name={p.name} value={p.value} onChange={p.onChange} />
    </label>
  );
}

function stagesOf(entity: EntityDoc | undefined, field: string): string[] {
  const f = entity?.fields.find((x) => x.name === field);
  if (!f || !('stages' in f) || !Array.isArray(f.stages)) return [];
  return (f.stages as unknown[]).map((s) =>
    typeof s === 'string' ? s : String((s as { value?: unknown }).value ?? ''),
  );
}
