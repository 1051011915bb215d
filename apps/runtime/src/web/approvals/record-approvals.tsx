import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../lib/error-message';
import { label, useLocale } from '../lib/i18n';
import type { RecordExtensionProps } from '../record/record-extensions';
import { at } from './approval-text';
import { ApprovalTimeline } from './approval-timeline';
import { entityFlows, onApprovalsChanged, recordFlows, startFlow } from './approvals-api';
import './approvals.css';

/** The record page's `approvals` section: the record's approval timeline with the user's actions. */
export function RecordApprovalsSection(p: RecordExtensionProps) {
  return <ApprovalTimeline app={p.app} entity={p.entity.name} recordId={p.record.id} onChanged={p.reload} />;
}

/**
 * The record page's "submit for approval" header button: shown when the entity has flows and the record
 * is not in a running flow; with several flows, a menu picks one.
 */
export function SubmitForApprovalAction(p: RecordExtensionProps) {
  useLocale();
  const [flows, setFlows] = useState<{ name: string; label: { zh: string; en: string } }[]>([]);
  const [running, setRunning] = useState(true);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    void entityFlows(p.app, p.entity.name).then(setFlows, () => setFlows([]));
    void recordFlows(p.app, p.entity.name, p.record.id).then(
      (list) => setRunning(list.some((f) => f.status === 'running')),
      () => setRunning(false),
    );
  }, [p.app, p.entity.name, p.record.id]);
  useEffect(() => {
    load();
    return onApprovalsChanged(load);
  }, [load]);
  if (flows.length === 0 || running) return null;
  const submit = async (flow: string) => {
    setOpen(false);
    try {
      await startFlow(p.app, flow, p.record.id);
      p.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <span className="rt-popover-anchor">
      <button
        type="button"
        className="lt-btn"
        data-action="submit-approval"
        onClick={() => (flows.length === 1 ? void submit(flows[0]!.name) : setOpen(!open))}
      >
        ⇪ {at('submitForApproval')}
      </button>
      {open && (
        <div className="rt-popover ap-flow-menu" role="menu" aria-label={at('pickFlow')}>
          {flows.map((f) => (
            <button
              key={f.name}
              type="button"
              role="menuitem"
              className="lt-btn"
              onClick={() => void submit(f.name)}
            >
              {label(f.label)}
            </button>
          ))}
        </div>
      )}
      {error ? (
        <span className="lt-error-banner ap-inline-error" role="alert">
          {errorMessage(error)}
        </span>
      ) : null}
    </span>
  );
}
