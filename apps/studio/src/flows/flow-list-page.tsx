import type { FlowDoc } from '@lattice/engine';
import { documentsOfKind, findEntity } from '@lattice/engine';
import { useState } from 'react';
import { ErrorText } from '../components/error-text';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { toFlowNodes } from './flow-model';
import { ft } from './flow-text';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** A new flow: start → one approval by the submitter's department head → end. */
export function newFlow(name: string, text: { zh: string; en: string }, entity: string): FlowDoc {
  return {
    kind: 'flow',
    schemaVersion: 1,
    name,
    label: text,
    entity,
    nodes: toFlowNodes([
      {
        kind: 'approval',
        node: {
          type: 'approval',
          id: 'approve_1',
          label: { zh: '部门负责人审批', en: 'Department head' },
          mode: 'single',
          approvers: [{ type: 'department_head' }],
        },
      },
    ]),
  };
}

/** The app's approval flows (label, entity, step count) and the "new flow" form. */
export function FlowListPage(p: { appId: string }) {
  useLocale();
  const { draft, update } = useAppDraft();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState({ zh: '', en: '' });
  const [entity, setEntity] = useState('');
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const flows = documentsOfKind(draft, 'flow');
  const entities = documentsOfKind(draft, 'entity');
  const target = entity || entities[0]?.name || '';
  const nameError =
    name === ''
      ? undefined
      : !NAME.test(name)
        ? ft('flowNameHint')
        : flows.some((f) => f.name === name)
          ? `${name} ✕`
          : undefined;
  return (
    <div className="lt-page">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{ft('flows')}</h1>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="new-flow"
          disabled={entities.length === 0}
          onClick={() => setCreating(true)}
        >
          + {ft('newFlow')}
        </button>
      </div>
      {creating && (
        <form
          className="lt-card st-form"
          style={{ marginBottom: 16 }}
          data-testid="new-flow-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (nameError || !name || !text.zh || !target) return;
            update((d) => ({
              ...d,
              documents: [...d.documents, newFlow(name, { zh: text.zh, en: text.en || text.zh }, target)],
            }));
            navigate(`/apps/${p.appId}/flows/${name}`);
          }}
        >
          <label>
            {ft('flowName')}
            <input
              className={`lt-input${nameError ? ' st-input-error' : ''}`}
              data-prop="flow.name"
              value={name}
              placeholder="contract_approval"
              onChange={(e) => setName(e.target.value.trim())}
            />
            <small>{ft('flowNameHint')}</small>
            <ErrorText message={nameError} path="flow.name" />
          </label>
          <I18nInputs name="flow.label" value={text} onChange={setText} />
          <label>
            {ft('entity')}
            <select
              className="lt-input"
              data-prop="flow.entity"
              value={target}
              onChange={(e) => setEntity(e.target.value)}
            >
              {entities.map((e) => (
                <option key={e.name} value={e.name}>
                  {label(e.label)} ({e.name})
                </option>
              ))}
            </select>
          </label>
          <div className="st-row">
            <button
              type="submit"
              className="lt-btn lt-btn-primary"
              disabled={!name || !text.zh || Boolean(nameError)}
            >
              {ft('newFlow')}
            </button>
            <button type="button" className="lt-btn" onClick={() => setCreating(false)}>
              ✕
            </button>
          </div>
        </form>
      )}
      {flows.length === 0 && !creating && <div className="lt-card st-section lt-muted">{ft('noFlows')}</div>}
      {flows.length > 0 && (
        <table className="lt-table lt-card" data-testid="flow-list">
          <thead>
            <tr>
              <th>{ft('flows')}</th>
              <th>{ft('entity')}</th>
              <th>{ft('steps')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.name} data-flow={f.name}>
                <td>
                  <a
                    href={`/studio/apps/${p.appId}/flows/${f.name}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/apps/${p.appId}/flows/${f.name}`);
                    }}
                  >
                    {label(f.label)}
                  </a>{' '}
                  <code className="st-code">{f.name}</code>
                </td>
                <td>{label(findEntity(draft, f.entity)?.label) || f.entity}</td>
                <td>{f.nodes.filter((n) => n.type === 'approval' || n.type === 'cc').length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
