import type { RuleDoc } from '@lattice/engine';
import { documentsOfKind, findEntity } from '@lattice/engine';
import { ConditionBuilder } from '@lattice/form-builder';
import { ErrorText } from '../components/error-text';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { errorsByPath } from '../lib/errors-by-path';
import { getLocale, label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { removeDocument } from '../model/draft-edits';
import { withOptional } from '../model/with-optional';
import { ActionEditor } from './action-editor';
import { DryRunPanel } from './dry-run-panel';
import { ACTION_TYPES, defaultAction, defaultTrigger, move } from './rule-model';
import { rt } from './rule-text';
import { TriggerEditor } from './trigger-editor';

/**
 * The rule designer: basics (label, entity, enabled, async), trigger picker, visual condition builder
 * (→ JsonLogic), the action list, and the dry-run/test panel. Edits go to the app draft (top-bar save);
 * publishing makes the rule run.
 */
export function RuleDesignerPage(p: { appId: string; rule: string }) {
  useLocale();
  const { draft, update, errors, save, dirty } = useAppDraft();
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const docIndex = draft.documents.findIndex((d) => d.kind === 'rule' && d.name === p.rule);
  const rule = documentsOfKind(draft, 'rule').find((r) => r.name === p.rule);
  if (!rule) {
    return (
      <div className="lt-page">
        <p>{rt('notFound')}</p>
        <button type="button" className="lt-btn" onClick={() => navigate(`/apps/${p.appId}/rules`)}>
          {rt('back')}
        </button>
      </div>
    );
  }
  const errs = errorsByPath(errors, `documents.${docIndex}`);
  const entity = findEntity(draft, rule.entity);
  const entities = documentsOfKind(draft, 'entity');
  const flows = documentsOfKind(draft, 'flow').map((f) => f.name);
  const reports = documentsOfKind(draft, 'report').map((r) => ({ name: r.name, label: r.label }));
  const set = (next: RuleDoc) =>
    update((d) => ({
      ...d,
      documents: d.documents.map((x) => (x.kind === 'rule' && x.name === p.rule ? next : x)),
    }));

  return (
    <div className="lt-page" data-testid="rule-designer">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <div>
          <a
            href={`/studio/apps/${p.appId}/rules`}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/apps/${p.appId}/rules`);
            }}
          >
            ← {rt('back')}
          </a>
          <h1 style={{ margin: '4px 0 0' }}>
            {label(rule.label) || rule.name} <code className="st-code">{rule.name}</code>
          </h1>
        </div>
        <div className="st-row">
          <label className="st-check">
            <input
              type="checkbox"
              data-prop="enabled"
              checked={rule.enabled}
              onChange={(e) => set({ ...rule, enabled: e.target.checked })}
            />
            {rule.enabled ? rt('enabled') : rt('disabled')}
          </label>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="save-rule"
            disabled={!dirty}
            onClick={() => void save()}
          >
            {rt('save')}
          </button>
          <button
            type="button"
            className="lt-btn lt-btn-danger"
            onClick={() => {
              update((d) => removeDocument(d, rule));
              navigate(`/apps/${p.appId}/rules`);
            }}
          >
            {rt('deleteRule')}
          </button>
        </div>
      </div>
      <p className="lt-muted">
        {rt('saveFirst')} ·{' '}
        <a
          href={`/studio/apps/${p.appId}/publish`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/apps/${p.appId}/publish`);
          }}
        >
          {rt('publish')}
        </a>
      </p>

      <section className="lt-card st-section">
        <h2>{rt('basics')}</h2>
        <div className="st-props">
          <I18nInputs
            name="label"
            value={rule.label}
            errors={errs}
            onChange={(l) => set({ ...rule, label: l })}
          />
          <div className="st-row">
            <label className="st-field">
              {rt('entity')}
              <select
                className="lt-input"
                data-prop="entity"
                value={rule.entity}
                onChange={(e) => {
                  const next = findEntity(draft, e.target.value);
                  set({
                    ...rule,
                    entity: e.target.value,
                    trigger: defaultTrigger(rule.trigger.type, next, flows),
                    actions: [],
                  });
                }}
              >
                {entities.map((e) => (
                  <option key={e.name} value={e.name}>
                    {label(e.label)} ({e.name})
                  </option>
                ))}
              </select>
              <ErrorText message={errs.entity} path="entity" />
            </label>
            <label className="st-check">
              <input
                type="checkbox"
                data-prop="async"
                checked={rule.async ?? false}
                onChange={(e) => set(e.target.checked ? { ...rule, async: true } : withoutAsync(rule))}
              />
              {rt('async')}
            </label>
          </div>
        </div>
      </section>

      <section className="lt-card st-section" data-section="trigger">
        <h2>{rt('trigger')}</h2>
        <TriggerEditor
          trigger={rule.trigger}
          entity={entity}
          flows={flows}
          reports={reports}
          onChange={(trigger) => set({ ...rule, trigger })}
        />
        <Problems errs={errs} prefix="trigger" />
      </section>

      <section className="lt-card st-section" data-section="condition">
        <h2>{rt('condition')}</h2>
        <p className="lt-muted" style={{ marginTop: 0 }}>
          {rt('conditionHint')}
        </p>
        {entity && (
          <ConditionBuilder
            entity={entity}
            value={rule.condition}
            locale={getLocale()}
            label={rt('condition')}
            onChange={(condition) => set(withOptional(rule, 'condition', condition))}
          />
        )}
        <Problems errs={errs} prefix="condition" />
      </section>

      <section className="lt-card st-section" data-section="actions">
        <h2>{rt('actions')}</h2>
        <div className="st-props">
          {rule.actions.map((action, i) => (
            <fieldset key={actionKey(rule.name, i)} data-action-index={i}>
              <legend className="st-row">
                <strong>{label(ACTION_TYPES.find((a) => a.type === action.type)?.label)}</strong>
                <button
                  type="button"
                  className="lt-btn"
                  aria-label={rt('moveUp')}
                  disabled={i === 0}
                  onClick={() => set({ ...rule, actions: move(rule.actions, i, -1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="lt-btn"
                  aria-label={rt('moveDown')}
                  disabled={i === rule.actions.length - 1}
                  onClick={() => set({ ...rule, actions: move(rule.actions, i, 1) })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="lt-btn"
                  onClick={() => set({ ...rule, actions: rule.actions.filter((_, j) => j !== i) })}
                >
                  {rt('remove')}
                </button>
              </legend>
              <ActionEditor
                name={`actions.${i}`}
                action={action}
                draft={draft}
                entity={entity}
                onChange={(a) => set({ ...rule, actions: rule.actions.map((x, j) => (j === i ? a : x)) })}
              />
              <Problems errs={errs} prefix={`actions.${i}`} />
            </fieldset>
          ))}
          <label className="st-field" style={{ maxWidth: 280 }}>
            + {rt('addAction')}
            <select
              className="lt-input"
              data-action="add-action"
              value=""
              onChange={(e) => {
                const type = e.target.value as RuleDoc['actions'][number]['type'];
                if (type) set({ ...rule, actions: [...rule.actions, defaultAction(type, rule.entity)] });
              }}
            >
              <option value="">—</option>
              {ACTION_TYPES.map((a) => (
                <option key={a.type} value={a.type}>
                  {label(a.label)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      <section className="lt-card st-section" data-section="test">
        <h2>{rt('test')}</h2>
        <DryRunPanel appId={p.appId} rule={rule} draft={draft} />
      </section>
    </div>
  );
}

function withoutAsync(rule: RuleDoc): RuleDoc {
  const { async: _drop, ...rest } = rule;
  return rest;
}

/** Server validation errors under `prefix` (paths relative to the rule document). */
function Problems({ errs, prefix }: { errs: Record<string, string>; prefix: string }) {
  const hits = Object.entries(errs).filter(([path]) => path === prefix || path.startsWith(`${prefix}.`));
  if (hits.length === 0) return null;
  return (
    <div style={{ display: 'grid', gap: 2, marginTop: 8 }}>
      {hits.map(([path, message]) => (
        <span key={path} className="st-field-error" data-error-for={path} role="alert">
          {path}: {message}
        </span>
      ))}
    </div>
  );
}

/** Actions have no id; their position is their identity (moving one re-renders both editors). */
function actionKey(rule: string, position: number): string {
  return `${rule}:${position}`;
}
