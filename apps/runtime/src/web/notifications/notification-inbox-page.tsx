import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../lib/error-message';
import { getLocale, label, useLocale } from '../lib/i18n';
import { linkClick, useSearchParams } from '../lib/router';
import { nt } from './notification-text';
import {
  type InboxNotification,
  listNotifications,
  markRead,
  notificationHref,
  onInboxChanged,
} from './notifications-api';
import { useUnreadCount } from './use-unread-count';
import './notifications.css';

const PAGE = 30;

/**
 * The notification inbox: the signed-in user's notifications newest first (all / unread), each with
 * its source, time and a link to the record; mark one or all read. The sidebar badge shows the unread
 * count (`useUnreadCount`).
 */
export function NotificationInboxPage() {
  useLocale();
  const unreadOnly = useSearchParams().get('tab') === 'unread';
  const unread = useUnreadCount();
  const [items, setItems] = useState<InboxNotification[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const page = await listNotifications({ unread: unreadOnly, limit: PAGE });
      setItems(page);
      setMore(page.length === PAGE);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [unreadOnly]);

  useEffect(() => {
    void load();
    return onInboxChanged(() => void load());
  }, [load]);

  const loadMore = async () => {
    const last = items?.[items.length - 1];
    if (!last) return;
    const page = await listNotifications({ unread: unreadOnly, before: last.createdAt, limit: PAGE });
    setItems([...(items ?? []), ...page]);
    setMore(page.length === PAGE);
  };

  const open = async (n: InboxNotification) => {
    if (!n.readAt) await markRead([n.id]).catch(() => 0);
  };

  return (
    <div className="lt-page rt-inbox">
      <div className="rt-page-head">
        <div>
          <h1>{nt('inbox')}</h1>
          {unread !== null && <div className="lt-muted">{nt('unreadCount', { n: unread })}</div>}
        </div>
        <button
          type="button"
          className="lt-btn"
          disabled={!unread}
          onClick={() => void markRead().catch(setError)}
        >
          {nt('markAllRead')}
        </button>
      </div>
      <nav className="rt-tabs" aria-label={nt('inbox')}>
        <a href="/notifications" className={unreadOnly ? '' : 'active'} onClick={linkClick('/notifications')}>
          {nt('all')}
        </a>
        <a
          href="/notifications?tab=unread"
          className={unreadOnly ? 'active' : ''}
          onClick={linkClick('/notifications?tab=unread')}
        >
          {nt('unread')}
          {unread ? <span className="rt-nav-badge rt-inbox-tab-badge">{unread}</span> : null}
        </a>
      </nav>
      {error ? (
        <div className="lt-error-banner" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      {items === null && !error && <div className="lt-muted">{nt('loading')}</div>}
      {items?.length === 0 && (
        <div className="rt-empty-state lt-card">{unreadOnly ? nt('emptyUnread') : nt('empty')}</div>
      )}
      {items && items.length > 0 && (
        <ul className="rt-inbox-list lt-card" aria-label={nt('inbox')}>
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} onOpen={() => void open(n)} />
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="lt-btn rt-inbox-more" onClick={() => void loadMore()}>
          {nt('more')}
        </button>
      )}
    </div>
  );
}

function NotificationItem({ n, onOpen }: { n: InboxNotification; onOpen: () => void }) {
  const href = notificationHref(n);
  return (
    <li className={`rt-inbox-item${n.readAt ? '' : ' rt-inbox-unread'}`} data-notification={n.id}>
      <span className="rt-inbox-dot" aria-hidden="true" />
      <div className="rt-inbox-main">
        <div className="rt-inbox-title">{label(n.title)}</div>
        {n.body && <div className="rt-inbox-body">{label(n.body)}</div>}
        <div className="rt-inbox-meta lt-muted">
          <time dateTime={n.createdAt}>{formatTime(n.createdAt)}</time>
          <span>{sourceLabel(n.source)}</span>
        </div>
      </div>
      <div className="rt-inbox-actions">
        {href && (
          <a
            className="lt-btn lt-btn-primary"
            href={href}
            onClick={(e) => {
              onOpen();
              linkClick(href)(e);
            }}
          >
            {nt('open')}
          </a>
        )}
        {!n.readAt && (
          <button type="button" className="lt-btn" onClick={() => void markRead([n.id])}>
            {nt('markRead')}
          </button>
        )}
      </div>
    </li>
  );
}

function sourceLabel(source: string): string {
  const [kind, ...rest] = source.split(':');
  const name = rest.join(':');
  if (kind === 'rule') return nt('fromRule', { name });
  if (kind === 'flow') return nt('fromFlow', { name });
  return source;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
