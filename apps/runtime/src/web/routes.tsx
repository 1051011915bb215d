import type { I18nText } from '@lattice/engine';
import type { ReactNode } from 'react';
import { AdminPage } from './admin/admin-page';
import { ApprovalInboxPage } from './approvals/approval-inbox-page';
import { useApprovalCount } from './approvals/use-approval-count';
import { DashboardListPage } from './dashboards/dashboard-list-page';
import { DashboardPage } from './dashboards/dashboard-page';
import { ImportWizardPage } from './import/import-wizard-page';
import type { RouteParams } from './lib/router';
import { NotificationInboxPage } from './notifications/notification-inbox-page';
import { useUnreadCount } from './notifications/use-unread-count';
import { AppHomePage } from './pages/app-home-page';
import { EntityPage } from './pages/entity-page';
import { RecordEditPage } from './pages/record-edit-page';
import { RecordPage } from './pages/record-page';
import { JobsPage } from './rules/jobs-page';

/** Sidebar sections, in display order. `data` is built from the app's metadata by the shell itself. */
export type NavSection = 'work' | 'insights' | 'admin';

/**
 * One runtime UI page. `path` may use `:params`; a `:app` param is filled with the current app in nav
 * links. `nav` puts a link in the sidebar under `section`; `badge` is called inside its own component, so
 * it may use hooks (e.g. an unread count); return 0/null for no badge. `roles`, when set, hides the nav
 * link from users holding none of them (the server still checks every call). Lower `order` comes first.
 */
export interface RuntimeRoute {
  path: string;
  title: I18nText;
  nav?: {
    section: NavSection;
    icon?: string;
    order?: number;
    badge?: () => number | null;
    roles?: string[];
  };
  element: (params: RouteParams) => ReactNode;
}

/**
 * The runtime page registry. Other areas add ONE entry each (notification inbox, approval inbox,
 * dashboards, import wizard, admin pages) — keep the record pages last (their patterns are the most
 * general). Pages read the current app with `useCurrentApp()` (lib/current-app.tsx).
 */
export const RUNTIME_ROUTES: RuntimeRoute[] = [
  {
    path: '/',
    title: { zh: '首页', en: 'Home' },
    element: () => <AppHomePage />,
  },
  {
    path: '/apps/:app',
    title: { zh: '首页', en: 'Home' },
    element: () => <AppHomePage />,
  },
  {
    path: '/notifications',
    title: { zh: '消息通知', en: 'Notifications' },
    nav: { section: 'work', icon: '⚑', order: 10, badge: useUnreadCount },
    element: () => <NotificationInboxPage />,
  },
  {
    path: '/apps/:app/approvals',
    title: { zh: '审批中心', en: 'Approvals' },
    nav: { section: 'work', icon: '✓', order: 20, badge: useApprovalCount },
    element: () => <ApprovalInboxPage />,
  },
  {
    path: '/apps/:app/dashboards',
    title: { zh: '仪表盘', en: 'Dashboards' },
    nav: { section: 'insights', icon: '◔', order: 10 },
    element: () => <DashboardListPage />,
  },
  {
    path: '/apps/:app/dashboards/:dashboard',
    title: { zh: '仪表盘', en: 'Dashboard' },
    element: (p) => <DashboardPage key={p.dashboard} app={p.app!} dashboard={p.dashboard!} />,
  },
  {
    path: '/admin',
    title: { zh: '系统管理', en: 'Administration' },
    nav: { section: 'admin', icon: '⚙', order: 10, roles: ['admin'] },
    element: () => <AdminPage />,
  },
  {
    path: '/apps/:app/import',
    title: { zh: '数据导入', en: 'Import data' },
    nav: { section: 'admin', icon: '⇪', order: 20, roles: ['admin'] },
    element: () => <ImportWizardPage />,
  },
  {
    path: '/apps/:app/jobs',
    title: { zh: '后台任务', en: 'Background jobs' },
    nav: { section: 'admin', icon: '⟳', order: 30, roles: ['admin'] },
    element: () => <JobsPage />,
  },
  // Data pages (the sidebar's "data" section is generated from the app's entities and views).
  {
    path: '/apps/:app/e/:entity',
    title: { zh: '列表', en: 'List' },
    element: (p) => <EntityPage key={p.entity} entity={p.entity!} />,
  },
  {
    path: '/apps/:app/e/:entity/v/:view',
    title: { zh: '视图', en: 'View' },
    element: (p) => <EntityPage key={`${p.entity}/${p.view}`} entity={p.entity!} view={p.view!} />,
  },
  {
    path: '/apps/:app/e/:entity/new',
    title: { zh: '新建记录', en: 'New record' },
    element: (p) => <RecordEditPage key={`new/${p.entity}`} entity={p.entity!} />,
  },
  {
    path: '/apps/:app/e/:entity/r/:id',
    title: { zh: '记录', en: 'Record' },
    element: (p) => <RecordPage key={p.id} entity={p.entity!} id={p.id!} />,
  },
  {
    path: '/apps/:app/e/:entity/r/:id/edit',
    title: { zh: '编辑记录', en: 'Edit record' },
    element: (p) => <RecordEditPage key={`edit/${p.id}`} entity={p.entity!} id={p.id!} />,
  },
];
