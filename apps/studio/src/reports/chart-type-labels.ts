import type { ChartType } from '@lattice/engine';

/** Picker labels and icons of the 14 chart types. */
export const CHART_TYPE_LABELS: Record<ChartType, { zh: string; en: string; icon: string }> = {
  table: { zh: '表格', en: 'Table', icon: '▦' },
  pivot: { zh: '透视表', en: 'Pivot', icon: '⊞' },
  kpi: { zh: '指标卡', en: 'KPI card', icon: '①' },
  bar: { zh: '柱状图', en: 'Bar', icon: '▮' },
  stacked_bar: { zh: '堆叠柱状图', en: 'Stacked bar', icon: '▤' },
  line: { zh: '折线图', en: 'Line', icon: '↗' },
  area: { zh: '面积图', en: 'Area', icon: '◭' },
  pie: { zh: '饼图', en: 'Pie', icon: '◔' },
  donut: { zh: '环形图', en: 'Donut', icon: '◯' },
  funnel: { zh: '漏斗图', en: 'Funnel', icon: '▽' },
  heatmap: { zh: '热力图', en: 'Heatmap', icon: '▩' },
  scatter: { zh: '散点图', en: 'Scatter', icon: '⁘' },
  gauge: { zh: '仪表盘图', en: 'Gauge', icon: '◠' },
  map: { zh: '地图', en: 'Map', icon: '◍' },
};
