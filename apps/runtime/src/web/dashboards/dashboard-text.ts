import { createTranslator } from '../lib/i18n';

/** Strings of the dashboard pages (zh-CN first). */
export const dt = createTranslator({
  dashboards: { zh: '仪表盘', en: 'Dashboards' },
  dashboardsHint: { zh: '选择一个仪表盘查看图表', en: 'Pick a dashboard to see its charts' },
  noDashboards: { zh: '此应用还没有仪表盘', en: 'This app has no dashboards yet' },
  charts: { zh: '{n} 个图表', en: '{n} charts' },
  refresh: { zh: '刷新', en: 'Refresh' },
  refreshed: { zh: '更新于 {time}', en: 'Updated {time}' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  all: { zh: '全部', en: 'All' },
  from: { zh: '开始', en: 'From' },
  to: { zh: '结束', en: 'To' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportPng: { zh: '导出图片', en: 'Save as PNG' },
  more: { zh: '更多操作', en: 'More actions' },
  noData: { zh: '暂无数据', en: 'No data' },
  missingReport: { zh: '报表 "{name}" 不存在', en: 'Report "{name}" does not exist' },
  drillHint: { zh: '点击图表可查看明细记录', en: 'Click the chart to see the records' },
  notFound: { zh: '仪表盘不存在', en: 'Dashboard not found' },
  exportFailed: { zh: '导出失败', en: 'Export failed' },
  drillBanner: { zh: '来自报表的筛选', en: 'Filtered from a report' },
  clearDrill: { zh: '清除', en: 'Clear' },
});
