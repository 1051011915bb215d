import { createTranslator } from '../lib/i18n';

/** The inbox page's strings, zh-CN first. */
export const nt = createTranslator({
  inbox: { zh: '消息通知', en: 'Notifications' },
  all: { zh: '全部', en: 'All' },
  unread: { zh: '未读', en: 'Unread' },
  markAllRead: { zh: '全部标为已读', en: 'Mark all as read' },
  markRead: { zh: '标为已读', en: 'Mark as read' },
  open: { zh: '查看记录', en: 'Open record' },
  empty: { zh: '暂无消息', en: 'No notifications' },
  emptyUnread: { zh: '没有未读消息', en: 'Nothing unread' },
  more: { zh: '加载更多', en: 'Load more' },
  loading: { zh: '加载中…', en: 'Loading…' },
  unreadCount: { zh: '{n} 条未读', en: '{n} unread' },
  fromRule: { zh: '规则：{name}', en: 'Rule: {name}' },
  fromFlow: { zh: '审批：{name}', en: 'Approval: {name}' },
});
