import { describe, expect, it } from 'vitest';
import { type InboxNotification, notificationHref } from './notifications-api';

const base: InboxNotification = {
  id: 'n1',
  appId: 'mfg-crm',
  title: { zh: '标题', en: 'Title' },
  body: null,
  url: null,
  entity: 'opportunity',
  recordId: '6f1c1f0e-8a43-4d55-9a7e-0d8a2d3c9b11',
  source: 'rule:x',
  createdAt: '2025-06-02T08:00:00.000Z',
  readAt: null,
};

describe('notificationHref', () => {
  it('links a record notification to the record page of its app', () => {
    expect(notificationHref(base)).toBe('/apps/mfg-crm/e/opportunity/r/6f1c1f0e-8a43-4d55-9a7e-0d8a2d3c9b11');
  });
  it('prefers an explicit url', () => {
    expect(notificationHref({ ...base, url: '/apps/mfg-crm/approvals' })).toBe('/apps/mfg-crm/approvals');
  });
  it('has no link without a record or url', () => {
    expect(notificationHref({ ...base, entity: null, recordId: null })).toBeNull();
  });
});
