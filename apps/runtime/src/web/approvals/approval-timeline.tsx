import { useCallback, useEffect, useState } from 'react';
import { FileLinks } from '../files/file-links';
import { loadSession } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { getLocale, label, useLocale } from '../lib/i18n';
import { ApprovalActionDialog, type DialogKind } from './approval-action-dialog';
import { at } from './approval-text';
import { type FlowEvent, type FlowInstance, onApprovalsChanged, recordFlows } from './approvals-api';

/** Timeline lines worth showing (internal bookkeeping like `enter` stays in the data, not the UI). */
const HIDDEN = new Set(['enter']);

/**
 * The approvals of one record: each flow's status, its current step and the full timeline (who, when,
 * step, action, comment, attachments). The signed-in user's possible actions appear as buttons:
 * approve / reject / transfer / add signer for a pending approver; urge / withdraw for the submitter;
 * comment for everyone. Exported for the record page (`approvals` sections) and the inbox.
 */
export function ApprovalTimeline(p: {
  app: string;
  entity: string;
  recordId: string;
  onChanged?: () => void;
}) {
  useLocale();
  const [flows, setFlows] = useState<FlowInstance[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    recordFlows(p.app, p.entity, p.recordId).then(
      (f) => {
        setFlows(f);
        setError(null);
      },
      (e) => setError(e),
    );
  }, [p.app, p.entity, p.recordId]);
  useEffect(() => {
    load();
    return onApprovalsChanged(load);
  }, [load]);

  if (error)
    return (
      <div className="lt-error-banner" role="alert">
        {errorMessage(error)}
      </div>
    );
  if (!flows) return <div className="lt-muted">{at('loading')}</div>;
  if (flows.length === 0) return <div className="rt-empty-small lt-muted">{at('noFlows')}</div>;
  return (
    <div className="ap-flows" data-testid="approval-timeline">
      {flows.map((f) => (
        <FlowCard key={f.id} app={p.app} flow={f} onChanged={p.onChanged} />
      ))}
    </div>
  );
}

function FlowCard(p: { app: string; flow: FlowInstance; onChanged?: () => void }) {
  const { flow } = p;
  const me = loadSession()?.user.id;
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const myTask = flow.tasks.find((t) => t.assignee === me && t.status === 'pending');
  const running = flow.status === 'running';
  const isSubmitter = flow.submitter === me;
  const current = flow.activeNodes.map((n) => label(n.label ?? undefined) || n.nodeId).join('、');
  const button = (kind: DialogKind, text: string, primary = false) => (
    <button
      type="button"
      className={`lt-btn${primary ? ' lt-btn-primary' : ''}`}
      data-action={`flow-${kind}`}
      onClick={() => setDialog(kind)}
    >
      {text}
    </button>
  );
  return (
    <div className="ap-flow" data-flow={flow.flow} data-status={flow.status}>
      <div className="ap-flow-head">
        <div>
          <strong>{label(flow.flowLabel)}</strong>{' '}
          <span className={`lt-badge ap-status ap-status-${flow.status}`}>{at(`s_${flow.status}`)}</span>
          <div className="lt-muted ap-flow-meta">
            {at('submitter')}: {flow.submitterName ?? '—'} · {formatTime(flow.createdAt)}
            {running && current ? ` · ${at('waitingAt', { n: current })}` : ''}
          </div>
          {running && (
            <div className="lt-muted ap-flow-meta" data-testid="record-locked">
              🔒 {at('locked')}
              {flow.editableFields.length > 0
                ? ` · ${at('editable', { f: flow.editableFields.join(', ') })}`
                : ''}
            </div>
          )}
        </div>
        {running && (
          <div className="rt-row rt-wrap ap-flow-actions">
            {myTask && button('approve', at('approve'), true)}
            {myTask && button('reject', at('reject'))}
            {myTask && button('transfer', at('transfer'))}
            {myTask && button('add_signer', at('addSigner'))}
            {isSubmitter && button('urge', at('urge'))}
            {isSubmitter && button('withdraw', at('withdraw'))}
            {button('comment', at('comment'))}
          </div>
        )}
      </div>
      {running && (
        <ul className="ap-tasks" aria-label={at('node')}>
          {flow.tasks
            .filter((t) => flow.activeNodes.some((n) => n.nodeId === t.nodeId))
            .filter((t) => t.status !== 'cancelled')
            .map((t) => (
              <li key={t.id} className={`ap-task ap-task-${t.status}`} data-assignee={t.assigneeName}>
                {t.assigneeName} · {at(`t_${t.status}` as 't_pending')}
              </li>
            ))}
        </ul>
      )}
      <ol className="ap-timeline">
        {flow.events
          .filter((e) => !HIDDEN.has(e.action))
          .map((e) => (
            <TimelineLine key={e.id} app={p.app} e={e} />
          ))}
      </ol>
      {dialog && (
        <ApprovalActionDialog
          app={p.app}
          instanceId={flow.id}
          kind={dialog}
          taskId={myTask?.id ?? null}
          visited={flow.visitedNodes}
          record={{ entity: flow.entity, id: flow.recordId }}
          requireSignature={flow.activeNodes.some((n) => n.nodeId === myTask?.nodeId && n.requireSignature)}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            p.onChanged?.();
          }}
        />
      )}
    </div>
  );
}

function TimelineLine({ app, e }: { app: string; e: FlowEvent }) {
  const key = `a_${e.action}`;
  const text = at(key as 'a_submit', { target: e.target ?? '' });
  return (
    <li className={`ap-event ap-event-${e.action}`} data-action={e.action}>
      <span className="ap-dot" aria-hidden="true" />
      <div>
        <div>
          <strong>{e.actorName}</strong> {text}
          {e.action === 'reject' && e.target
            ? ` · ${at('rejectedTo', { target: e.target === 'submitter' ? at('submitter') : e.target })}`
            : ''}
          {e.nodeLabel ? <span className="lt-muted"> · {label(e.nodeLabel)}</span> : null}
        </div>
        {e.comment && <div className="ap-event-comment">“{e.comment}”</div>}
        {e.attachments.length > 0 && (
          <div className="ap-attachments">
            {e.attachments.map((a) =>
              typeof a === 'string' ? (
                <a key={a} href={a} target="_blank" rel="noreferrer">
                  📎 {a.split('/').pop() || a}
                </a>
              ) : (
                <FileLinks key={a.id} app={app} refs={[a]} image />
              ),
            )}
          </div>
        )}
        {e.signature && (
          <div className="ap-signature" data-testid="approval-signature-image">
            <span className="lt-muted">{at('signedBy')}:</span>{' '}
            <FileLinks app={app} refs={[e.signature]} image />
          </div>
        )}
        <time className="lt-muted ap-time" dateTime={e.at}>
          {formatTime(e.at)}
        </time>
      </div>
    </li>
  );
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
