import { documentsOfKind } from '@lattice/engine';
import { useState } from 'react';
import { ErrorText } from '../components/error-text';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { newRule, TRIGGER_TYPES } from './rule-model';
import { rt } from './rule-text';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The app's rules (label, entity, trigger, on/off switch) and the "new rule" form. */
export function RuleListPage(p: { appId: string }) {
  useLocale();
  const { draft, update } = useAppDraft();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState({ zh: '', en: '' });
  const [entity, setEntity] = useState('');
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const rules = documentsOfKind(draft, 'rule');
  const entities = documentsOfKind(draft, 'entity');
  const target = entity || entities[0]?.name || '';
  const nameError =
    name === ''
      ? undefined
      : !NAME.test(name)
        ? rt('ruleNameHint')
        : rules.some((r) => r.name === name)
          ? `${name} ✕`
          : undefined;
  return (
    <div className="lt-page">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{rt('rules')}</h1>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="new-rule"
          disabled={entities.length === 0}
          onClick={() => setCreating(true)}
        >
          + {rt('newRule')}
        </button>
      </div>
      {entities.length === 0 && <p className="lt-muted">{rt('noEntity')}</p>}
      {creating && (
        <form
          className="lt-card st-form"
          style={{ marginBottom: 16 }}
          data-testid="new-rule-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (nameError || !name || !text.zh || !target) return;
            update((d) => ({
              ...d,
              documents: [...d.documents, newRule(name, { zh: text.zh, en: text.en || text.zh }, target)],
            }));
            navigate(`/apps/${p.appId}/rules/${name}`);
          }}
        >
          <label>
            {rt('ruleName')}
            <input
              className={`lt-input${nameError ? ' st-input-error' : ''}`}
              data-prop="rule.name"
              value={name}
              placeholder="opportunity_uncontacted_24h"
              onChange={(e) => setName(e.target.value.trim())}
            />
            <small>{rt('ruleNameHint')}</small>
            <ErrorText message={nameError} path="rule.name" />
          </label>
          <I18nInputs name="rule.label" value={text} onChange={setText} />
          <label>
            {rt('entity')}
            <select
              className="lt-input"
              data-prop="rule.entity"
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
              {rt('newRule')}
            </button>
            <button type="button" className="lt-btn" onClick={() => setCreating(false)}>
              ✕
            </button>
          </div>
        </form>
      )}
      {rules.length === 0 && !creating && <div className="lt-card st-section lt-muted">{rt('noRules')}</div>}
      {rules.length > 0 && (
        <table className="lt-table lt-card" data-testid="rule-list">
          <thead>
            <tr>
              <th>{rt('rules')}</th>
              <th>{rt('entity')}</th>
              <th>{rt('trigger')}</th>
              <th>{rt('enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.name} data-rule={r.name}>
                <td>
                  <a
                    href={`/studio/apps/${p.appId}/rules/${r.name}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/apps/${p.appId}/rules/${r.name}`);
                    }}
                  >
                    {label(r.label) || r.name}
                  </a>{' '}
                  <code className="st-code">{r.name}</code>
                </td>
                <td>{label(entities.find((e) => e.name === r.entity)?.label) || r.entity}</td>
                <td>{label(TRIGGER_TYPES.find((t) => t.type === r.trigger.type)?.label)}</td>
                <td>
                  <label className="st-check">
                    <input
                      type="checkbox"
                      aria-label={`${rt('enabled')} ${r.name}`}
                      checked={r.enabled}
                      onChange={(e) =>
                        update((d) => ({
                          ...d,
                          documents: d.documents.map((x) =>
                            x.kind === 'rule' && x.name === r.name ? { ...r, enabled: e.target.checked } : x,
                          ),
                        }))
                      }
                    />
                    {r.enabled ? rt('enabled') : rt('disabled')}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
