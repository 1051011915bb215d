import type { I18nText } from '@lattice/engine';
import type { ReactNode } from 'react';
import { FlowDesignerPage } from './flows/flow-designer-page';
import { FlowListPage } from './flows/flow-list-page';
import type { RouteParams } from './lib/router';
import { PacksPage } from './packs/packs-page';
import { AppListPage } from './pages/app-list-page';
import { AppOverviewPage } from './pages/app-overview-page';
import { EntityDesignerPage } from './pages/entity/entity-designer-page';
import { EntityListPage } from './pages/entity/entity-list-page';
import { FormDesignerPage } from './pages/entity/form-designer-page';
import { PublishPage } from './pages/publish/publish-page';
import { VersionsPage } from './pages/publish/versions-page';
import { ViewDesignerPage } from './pages/views/view-designer-page';
import { DashboardDesignerPage } from './reports/dashboard-designer-page';
import { ReportDesignerPage } from './reports/report-designer-page';
import { ReportListPage } from './reports/report-list-page';
import { RuleDesignerPage } from './rules/rule-designer-page';
import { RuleListPage } from './rules/rule-list-page';

/**
 * One studio page. `path` is studio-relative (`/apps/:app/rules`); pages under `/apps/:app/…` get the
 * app's draft through `useAppDraft()`. `nav` puts a link in the sidebar: `global` links always show,
 * `app` links show while an app is open (their `:app` is filled in). Lower `order` comes first.
 */
export interface StudioRoute {
  path: string;
  title: I18nText;
  nav?: { area: 'global' | 'app'; order: number; icon?: string };
  element: (params: RouteParams) => ReactNode;
}

/**
 * The studio page registry. Other areas add ONE entry each (rule designer, flow designer, reports and
 * dashboards, packs); keep entries sorted by area, then nav order.
 */
export const STUDIO_ROUTES: StudioRoute[] = [
  {
    path: '/apps',
    title: { zh: '我的应用', en: 'Apps' },
    nav: { area: 'global', order: 10, icon: '▦' },
    element: () => <AppListPage />,
  },
  {
    path: '/packs',
    title: { zh: '模板包', en: 'Template packs' },
    nav: { area: 'global', order: 20, icon: '⬡' },
    element: () => <PacksPage />,
  },
  {
    path: '/apps/:app',
    title: { zh: '概览', en: 'Overview' },
    nav: { area: 'app', order: 10, icon: '◎' },
    element: (p) => <AppOverviewPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/entities',
    title: { zh: '实体', en: 'Entities' },
    nav: { area: 'app', order: 20, icon: '▤' },
    element: (p) => <EntityListPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/entities/:entity',
    title: { zh: '实体设计', en: 'Entity designer' },
    element: (p) => <EntityDesignerPage key={p.entity} appId={p.app!} entity={p.entity!} />,
  },
  {
    path: '/apps/:app/entities/:entity/form',
    title: { zh: '表单设计', en: 'Form designer' },
    element: (p) => <FormDesignerPage key={p.entity} appId={p.app!} entity={p.entity!} />,
  },
  {
    path: '/apps/:app/rules',
    title: { zh: '规则', en: 'Rules' },
    nav: { area: 'app', order: 50, icon: '⚡' },
    element: (p) => <RuleListPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/rules/:rule',
    title: { zh: '规则设计', en: 'Rule designer' },
    element: (p) => <RuleDesignerPage key={p.rule} appId={p.app!} rule={p.rule!} />,
  },
  {
    path: '/apps/:app/flows',
    title: { zh: '审批流程', en: 'Approval flows' },
    nav: { area: 'app', order: 55, icon: '⇶' },
    element: (p) => <FlowListPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/flows/:flow',
    title: { zh: '流程设计', en: 'Flow designer' },
    element: (p) => <FlowDesignerPage key={p.flow} appId={p.app!} flow={p.flow!} />,
  },
  {
    path: '/apps/:app/entities/:entity/views',
    title: { zh: '视图设计', en: 'View designer' },
    element: (p) => <ViewDesignerPage key={p.entity} appId={p.app!} entity={p.entity!} />,
  },
  {
    path: '/apps/:app/reports',
    title: { zh: '报表与仪表盘', en: 'Reports & dashboards' },
    nav: { area: 'app', order: 60, icon: '◔' },
    element: (p) => <ReportListPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/reports/:report',
    title: { zh: '报表设计', en: 'Report designer' },
    element: (p) => <ReportDesignerPage key={p.report} appId={p.app!} report={p.report!} />,
  },
  {
    path: '/apps/:app/dashboards/:dashboard',
    title: { zh: '仪表盘设计', en: 'Dashboard designer' },
    element: (p) => <DashboardDesignerPage key={p.dashboard} appId={p.app!} dashboard={p.dashboard!} />,
  },
  {
    path: '/apps/:app/publish',
    title: { zh: '发布', en: 'Publish' },
    nav: { area: 'app', order: 90, icon: '⇪' },
    element: (p) => <PublishPage appId={p.app!} />,
  },
  {
    path: '/apps/:app/versions',
    title: { zh: '版本历史', en: 'Versions' },
    nav: { area: 'app', order: 95, icon: '↺' },
    element: (p) => <VersionsPage appId={p.app!} />,
  },
];
