import { useCallback, useEffect, useState } from 'react';
import { useCurrentApp } from '../lib/current-app';
import { errorMessage } from '../lib/error-message';
import { label, useLocale } from '../lib/i18n';
import { linkClick, useSearchParams } from '../lib/router';
import { ApprovalActionDialog } from './approval-action-dialog';
import { at } from './approval-text';
import { formatTime } from './approval-timeline';
import { type InboxBox, type InboxItem, inboxCounts, listInbox, onApprovalsChanged } from './approvals-api';
import './approvals.css';

const BOXES: InboxBox[] = ['todo', 'done', 'cc', 'mine'];

/**
 * The approval inbox of the current app: tabs to do / done / CC'd to me / submitted by me with counts;
 * each line shows the flow, the record, the step, the submitter and the time, links to the record (whose
 * page carries the full timeline) and, in "to do", approves or rejects with a comment in place.
 */
export function ApprovalInboxPage() {
  useLocale();
  const appId = useCurrentApp().appId;
  const tab = useSearchParams().get('tab');
  const box: InboxBox = BOXES.includes(tab as InboxBox) ? (tab as InboxBox) : 'todo';
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [counts, setCounts] = useState<Record<InboxBox, number> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<{ item: InboxItem; kind: 'approve' | 'reject' } | null>(null);

  const load = useCallback(async () => {
    if (!appId) return;
    try {
      const [list, c] = await Promise.all([listInbox(appId, box), inboxCounts(appId)]);
      setItems(list);
      setCounts(c);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [appId, box]);
  useEffect(() => {
    setItems(null);
    void load();
    return onApprovalsChanged(() => void load());
  }, [load]);

  const base = `/apps/${appId}/approvals`;
  return (
    <div className="lt-page ap-inbox" data-testid="approval-inbox">
      <div className="rt-page-head">
        <h1>{at('inbox')}</h1>
      </div>
      <nav className="rt-tabs" aria-label={at('inbox')}>
        {BOXES.map((b) => (
          <a
            key={b}
            href={`${base}?tab=${b}`}
            className={b === box ? 'active' : ''}
            onClick={linkClick(`${base}?tab=${b}`)}
            data-tab={b}
          >
            {at(b)}
            {counts && counts[b] > 0 ? (
              <span className="rt-nav-badge rt-inbox-tab-badge">{counts[b]}</span>
            ) : null}
          </a>
        ))}
      </nav>
      {error ? (
        <div className="lt-error-banner" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      {items === null && !error && <div className="lt-muted">{at('loading')}</div>}
      {items?.length === 0 && <div className="rt-empty-state lt-card">{at('empty')}</div>}
      {items && items.length > 0 && (
        <ul className="ap-list lt-card" aria-label={at(box)}>
          {items.map((i) => {
            const href = `/apps/${appId}/e/${i.entity}/r/${i.recordId}`;
            return (
              <li
                key={`${i.instanceId}:${i.taskId ?? ''}`}
                className="ap-item"
                data-record-title={i.recordTitle}
              >
                <div className="ap-item-main">
                  <div className="ap-item-title">
                    <span className="lt-badge">{label(i.flowLabel)}</span>{' '}
                    <a href={href} onClick={linkClick(href)}>
                      {label(i.entityLabel)} · {i.recordTitle}
                    </a>
                  </div>
                  <div className="lt-muted ap-item-meta">
                    {i.nodeLabel && (
                      <span>
                        {at('node')}: {label(i.nodeLabel)}
                      </span>
                    )}
                    <span>
                      {at('submitter')}: {i.submitterName ?? '—'}
                    </span>
                    <time dateTime={i.at}>{formatTime(i.at)}</time>
                    <span className={`ap-status ap-status-${i.status}`}>{at(`s_${i.status}`)}</span>
                    {box === 'done' && i.taskStatus && <span>{at(`t_${i.taskStatus}` as 't_pending')}</span>}
                  </div>
                </div>
                <div className="rt-inbox-actions">
                  {box === 'todo' && (
                    <>
                      <button
                        type="button"
                        className="lt-btn lt-btn-primary"
                        data-action="inbox-approve"
                        onClick={() => setActing({ item: i, kind: 'approve' })}
                      >
                        {at('approve')}
                      </button>
                      <button
                        type="button"
                        className="lt-btn"
                        data-action="inbox-reject"
                        onClick={() => setActing({ item: i, kind: 'reject' })}
                      >
                        {at('reject')}
                      </button>
                    </>
                  )}
                  <a className="lt-btn" href={href} onClick={linkClick(href)}>
                    {at('open')}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {acting && appId && (
        <ApprovalActionDialog
          app={appId}
          instanceId={acting.item.instanceId}
          taskId={acting.item.taskId}
          kind={acting.kind}
          record={{ entity: acting.item.entity, id: acting.item.recordId }}
          requireSignature={acting.item.requireSignature}
          onCancel={() => setActing(null)}
          onDone={() => {
            setActing(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
