import type { AppDefinition, RuleDoc } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { useState } from 'react';
import { ApiError } from '../lib/api';
import { getLocale, label } from '../lib/i18n';
import { ACTION_TYPES } from './rule-model';
import { rt } from './rule-text';
import { type DryRunResult, dryRunRule, type PlannedEffect } from './rules-api';

const EFFECT_TO_ACTION: Record<string, string> = {
  setFields: 'set_fields',
  createRecord: 'create_record',
  updateRelated: 'update_related',
  createTask: 'create_task',
  createTasks: 'create_task',
  notify: 'notify',
  assignOwner: 'assign_owner',
  startFlow: 'start_flow',
  callWebhook: 'call_webhook',
  recompute: 'recompute',
};

/**
 * "Test against a sample record" and "dry run on existing records": posts the rule as edited to the
 * dry-run endpoint and lists the matches with what each action would change. Nothing is written.
 */
export function DryRunPanel(p: { appId: string; rule: RuleDoc; draft: AppDefinition }) {
  const entity = findEntity(p.draft, p.rule.entity);
  const [sample, setSample] = useState(() =>
    JSON.stringify(sampleFor(p.rule, entity?.fields.map((f) => f.name) ?? []), null, 2),
  );
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (withSample: boolean) => {
    setRunning(true);
    setError(null);
    try {
      const record = withSample ? (JSON.parse(sample) as Record<string, unknown>) : undefined;
      setResult(await dryRunRule(p.appId, p.rule, record));
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.details.length)
        setError(e.details.map((d) => `${d.path}: ${d.message}`).join('\n'));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="st-props" data-testid="dry-run">
      <p className="lt-muted" style={{ margin: 0 }}>
        {rt('testHint')}
      </p>
      <label className="st-field">
        {rt('sample')}
        <textarea
          className="lt-input st-mono"
          rows={5}
          data-prop="dry-run.sample"
          value={sample}
          onChange={(e) => setSample(e.target.value)}
        />
      </label>
      <div className="st-row">
        <button
          type="button"
          className="lt-btn"
          data-action="test-sample"
          disabled={running}
          onClick={() => void run(true)}
        >
          {rt('dryRunSample')}
        </button>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="dry-run"
          disabled={running}
          onClick={() => void run(false)}
        >
          {rt('dryRunExisting')}
        </button>
        {running && <span className="lt-muted">{rt('running')}</span>}
      </div>
      {error && (
        <div className="lt-error-banner" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </div>
      )}
      {result && <DryRunResultView result={result} />}
    </div>
  );
}

function DryRunResultView({ result }: { result: DryRunResult }) {
  return (
    <div data-testid="dry-run-result">
      <div className="st-ok-banner">
        {rt('scanned', { scanned: result.scanned, matched: result.matched })}
      </div>
      {result.matches.length === 0 && <p className="lt-muted">{rt('noMatch')}</p>}
      {result.matches.map((m, i) => (
        <div key={m.recordId ?? `sample-${i}`} className="st-change" data-match={m.recordId ?? 'sample'}>
          <span className="st-tag is-change">{m.recordId ? m.recordId.slice(0, 8) : rt('sampleRecord')}</span>
          <div style={{ display: 'grid', gap: 4 }}>
            {m.dueAt && (
              <span className="lt-muted">
                {rt('dueAt')}: {new Date(m.dueAt).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN')}
              </span>
            )}
            {withKeys(m.effects).map(({ key, item }) => (
              <EffectLine key={key} effect={item} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function EffectLine({ effect }: { effect: PlannedEffect }) {
  const name = ACTION_TYPES.find((a) => a.type === EFFECT_TO_ACTION[effect.type])?.label;
  const changes = effect.records.flatMap((r) => r.changes.map((c) => ({ ...c, id: r.id })));
  return (
    <div data-effect={effect.type}>
      <strong>{name ? label(name) : effect.type}</strong>
      {effect.mode === 'async' && <span className="st-tag"> {rt('queued')}</span>}
      {changes.length > 0 && (
        <span>
          {' '}
          {rt('willChange')}: {changes.map((c) => `${c.field}: ${show(c.from)} → ${show(c.to)}`).join('；')}
          {effect.records.length > 1 ? ` (${effect.records.length})` : ''}
        </span>
      )}
      {effect.records.length > 0 && changes.length === 0 && (
        <span className="lt-muted"> {rt('nothingChanges')}</span>
      )}
      {effect.creates > 0 && <span> {rt('willCreate', { n: effect.creates })}</span>}
      {effect.recipients.length > 0 && (
        <span>
          {' '}
          {rt('willNotify')}: {effect.recipients.join(', ')}
        </span>
      )}
    </div>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A starting sample: the fields the condition and trigger mention, empty. */
function sampleFor(rule: RuleDoc, fields: string[]): Record<string, unknown> {
  const mentioned = JSON.stringify([rule.condition ?? null, rule.trigger]);
  const out: Record<string, unknown> = {};
  for (const f of fields) if (mentioned.includes(`"${f}"`)) out[f] = null;
  if (Object.keys(out).length === 0 && fields[0]) out[fields[0]] = null;
  return out;
}

/** Positional keys for lists without ids that are never reordered (planned effects). */
function withKeys<T>(items: readonly T[]): { key: string; item: T }[] {
  return items.map((item, n) => ({ key: `k${n}`, item }));
}
