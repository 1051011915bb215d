import type { ApprovalMode, EntityDoc, Field, NodeTimeout } from '@lattice/engine';
import { ConditionBuilder } from '@lattice/form-builder';
import { I18nInputs } from '../components/i18n-inputs';
import { getLocale, label } from '../lib/i18n';
import { ApproverEditor } from './approver-editor';
import type { Step } from './flow-model';
import { ft } from './flow-text';

const MODES: ApprovalMode[] = ['single', 'countersign', 'anysign', 'sequential'];
const TIMEOUT_ACTIONS: NodeTimeout['action'][] = ['remind', 'escalate', 'auto_approve', 'auto_reject'];

/** Variables a branch condition may use besides the record's fields. */
function submitterFields(): Field[] {
  const text = (name: string, zh: string, en: string) =>
    ({ id: name, name, type: 'text', label: { zh, en } }) as Field;
  return [
    text('$submitter.department', ft('submitterDept'), ft('submitterDept')),
    text('$submitter.region', ft('submitterRegion'), ft('submitterRegion')),
    text('$submitter.username', '提交人用户名', "Submitter's username"),
  ];
}

/** The property panel of the selected step: approvers, mode, timeout, editable fields, branch conditions. */
export function StepProperties(p: {
  step: Step;
  entity: EntityDoc | undefined;
  roles: string[];
  errors: Record<string, string>;
  onChange: (s: Step) => void;
}) {
  const { step, entity } = p;
  switch (step.kind) {
    case 'approval': {
      const n = step.node;
      const set = (patch: Partial<typeof n>) => p.onChange({ kind: 'approval', node: { ...n, ...patch } });
      return (
        <div className="st-props" data-props="approval">
          <div className="lt-muted">
            {ft('stepId')}: <code>{n.id}</code>
          </div>
          <I18nInputs name="label" value={n.label} onChange={(l) => set({ label: l })} errors={p.errors} />
          <label className="st-field">
            {ft('mode')}
            <select
              className="lt-input"
              data-prop="mode"
              value={n.mode}
              onChange={(e) => set({ mode: e.target.value as ApprovalMode })}
            >
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {ft(`m_${m}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="st-fieldset">
            <legend>{ft('approvers')}</legend>
            {n.approvers.map((a, i) => (
              <ApproverEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: approvers have no identity besides position
                key={i}
                name={`approvers.${i}`}
                value={a}
                roles={p.roles}
                entity={entity}
                onChange={(v) => set({ approvers: n.approvers.map((x, j) => (j === i ? v : x)) })}
                onRemove={
                  n.approvers.length > 1
                    ? () => set({ approvers: n.approvers.filter((_, j) => j !== i) })
                    : undefined
                }
              />
            ))}
            <button
              type="button"
              className="lt-btn"
              data-action="add-approver"
              onClick={() => set({ approvers: [...n.approvers, { type: 'role', role: p.roles[0] ?? '' }] })}
            >
              + {ft('addApprover')}
            </button>
            {p.errors.approvers && <div className="st-field-error">{p.errors.approvers}</div>}
          </fieldset>
          <fieldset className="st-fieldset">
            <legend>{ft('fallback')}</legend>
            <label className="st-check">
              <input
                type="checkbox"
                checked={n.fallback !== undefined}
                onChange={(e) => {
                  const { fallback: _f, ...rest } = n;
                  p.onChange({
                    kind: 'approval',
                    node: e.target.checked
                      ? { ...rest, fallback: { type: 'role', role: p.roles[0] ?? '' } }
                      : rest,
                  });
                }}
              />
              {n.fallback ? '' : ft('noFallback')}
            </label>
            {n.fallback && (
              <ApproverEditor
                name="fallback"
                value={n.fallback}
                roles={p.roles}
                entity={entity}
                onChange={(v) => set({ fallback: v })}
              />
            )}
          </fieldset>
          <fieldset className="st-fieldset">
            <legend>{ft('signature')}</legend>
            <label className="st-check">
              <input
                type="checkbox"
                data-prop="requireSignature"
                checked={n.requireSignature === true}
                onChange={(e) => {
                  const { requireSignature: _s, ...rest } = n;
                  p.onChange({
                    kind: 'approval',
                    node: e.target.checked ? { ...rest, requireSignature: true } : rest,
                  });
                }}
              />
              {ft('requireSignature')}
            </label>
          </fieldset>
          <fieldset className="st-fieldset">
            <legend>{ft('timeout')}</legend>
            <div className="st-row">
              <select
                className="lt-input"
                data-prop="timeout.action"
                value={n.timeout?.action ?? ''}
                onChange={(e) => {
                  const { timeout: _t, ...rest } = n;
                  const action = e.target.value as NodeTimeout['action'] | '';
                  p.onChange({
                    kind: 'approval',
                    node: action
                      ? { ...rest, timeout: { after: n.timeout?.after ?? { hours: 24 }, action } }
                      : rest,
                  });
                }}
              >
                <option value="">{ft('noTimeout')}</option>
                {TIMEOUT_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {ft(`t_${a}`)}
                  </option>
                ))}
              </select>
              {n.timeout && (
                <label className="st-field">
                  {ft('afterHours')}
                  <input
                    className="lt-input"
                    type="number"
                    min={0.25}
                    step={0.25}
                    data-prop="timeout.after.hours"
                    value={hoursOf(n.timeout.after)}
                    onChange={(e) =>
                      set({
                        timeout: {
                          ...n.timeout!,
                          after: { hours: Math.max(0.25, Number(e.target.value) || 1) },
                        },
                      })
                    }
                  />
                </label>
              )}
            </div>
          </fieldset>
          {entity && (
            <fieldset className="st-fieldset">
              <legend>{ft('editableFields')}</legend>
              <div className="fd-fields">
                {entity.fields
                  .filter((f) => f.type !== 'formula' && f.type !== 'rollup' && f.type !== 'autonumber')
                  .map((f) => {
                    const on = (n.editableFields ?? []).includes(f.name);
                    return (
                      <label key={f.name} className="st-check">
                        <input
                          type="checkbox"
                          data-editable={f.name}
                          checked={on}
                          onChange={() => {
                            const next = on
                              ? (n.editableFields ?? []).filter((x) => x !== f.name)
                              : [...(n.editableFields ?? []), f.name];
                            const { editableFields: _e, ...rest } = n;
                            p.onChange({
                              kind: 'approval',
                              node: next.length ? { ...rest, editableFields: next } : rest,
                            });
                          }}
                        />
                        {label(f.label)}
                      </label>
                    );
                  })}
              </div>
            </fieldset>
          )}
        </div>
      );
    }
    case 'cc': {
      const n = step.node;
      const set = (patch: Partial<typeof n>) => p.onChange({ kind: 'cc', node: { ...n, ...patch } });
      return (
        <div className="st-props" data-props="cc">
          <I18nInputs name="label" value={n.label} onChange={(l) => set({ label: l })} />
          <fieldset className="st-fieldset">
            <legend>{ft('ccTo')}</legend>
            {n.to.map((a, i) => (
              <ApproverEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: recipients have no identity besides position
                key={i}
                name={`to.${i}`}
                value={a}
                roles={p.roles}
                entity={entity}
                onChange={(v) => set({ to: n.to.map((x, j) => (j === i ? v : x)) })}
                onRemove={n.to.length > 1 ? () => set({ to: n.to.filter((_, j) => j !== i) }) : undefined}
              />
            ))}
            <button
              type="button"
              className="lt-btn"
              onClick={() => set({ to: [...n.to, { type: 'role', role: p.roles[0] ?? '' }] })}
            >
              + {ft('addApprover')}
            </button>
          </fieldset>
        </div>
      );
    }
    case 'condition':
      return (
        <div className="st-props" data-props="condition">
          <I18nInputs name="label" value={step.label} onChange={(l) => p.onChange({ ...step, label: l })} />
          {step.branches.map((b, i) => (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: branches are positional
              key={i}
              className="st-fieldset"
              data-branch={i}
            >
              <legend>
                {ft('branch')} {i + 1}
              </legend>
              <I18nInputs
                name={`branches.${i}.label`}
                value={b.label}
                onChange={(l) =>
                  p.onChange({
                    ...step,
                    branches: step.branches.map((x, j) => (j === i ? { ...x, label: l } : x)),
                  })
                }
              />
              {entity && (
                <ConditionBuilder
                  entity={entity}
                  value={b.when}
                  locale={getLocale()}
                  label={ft('condition')}
                  extraFields={submitterFields()}
                  onChange={(when) =>
                    p.onChange({
                      ...step,
                      branches: step.branches.map((x, j) =>
                        j === i ? { ...x, when: when ?? { '==': [1, 1] } } : x,
                      ),
                    })
                  }
                />
              )}
              {p.errors[`branches.${i}.when`] && (
                <div className="st-field-error">{p.errors[`branches.${i}.when`]}</div>
              )}
              {step.branches.length > 1 && (
                <button
                  type="button"
                  className="lt-btn lt-btn-danger"
                  onClick={() => p.onChange({ ...step, branches: step.branches.filter((_, j) => j !== i) })}
                >
                  {ft('removeBranch')}
                </button>
              )}
            </fieldset>
          ))}
          <button
            type="button"
            className="lt-btn"
            data-action="add-branch"
            onClick={() =>
              p.onChange({
                ...step,
                branches: [
                  ...step.branches,
                  {
                    when: { '==': [1, 1] },
                    label: {
                      zh: `分支 ${step.branches.length + 1}`,
                      en: `Branch ${step.branches.length + 1}`,
                    },
                    steps: [],
                  },
                ],
              })
            }
          >
            + {ft('addBranch')}
          </button>
        </div>
      );
    case 'parallel':
      return (
        <div className="st-props" data-props="parallel">
          <div className="st-row">
            <button
              type="button"
              className="lt-btn"
              data-action="add-branch"
              onClick={() => p.onChange({ ...step, branches: [...step.branches, []] })}
            >
              + {ft('addBranch')}
            </button>
            {step.branches.length > 2 && (
              <button
                type="button"
                className="lt-btn lt-btn-danger"
                onClick={() => p.onChange({ ...step, branches: step.branches.slice(0, -1) })}
              >
                {ft('removeBranch')}
              </button>
            )}
          </div>
        </div>
      );
    case 'auto_approve':
      return <div className="lt-muted">{ft('k_auto_approve')}</div>;
  }
}

function hoursOf(d: { minutes?: number; hours?: number; days?: number }): number {
  return (d.days ?? 0) * 24 + (d.hours ?? 0) + (d.minutes ?? 0) / 60;
}
