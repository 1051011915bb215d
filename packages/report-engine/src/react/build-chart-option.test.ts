import type { ChartSpec, ChartType } from '@lattice/engine';
import { CHART_TYPES } from '@lattice/engine';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import type { DatasetResult } from '../dataset/dataset-result';
import { buildChartOption } from './build-chart-option';
import type { ChartRender, DrillCell } from './chart-render';
import { setupEcharts } from './echarts-setup';

const regionMonth: DatasetResult = {
  columns: [
    {
      key: 'region',
      label: { zh: '区域', en: 'Region' },
      type: 'string',
      role: 'dimension',
      field: 'customer.region',
    },
    {
      key: 'month',
      label: { zh: '月份', en: 'Month' },
      type: 'string',
      role: 'dimension',
      field: 'order_date',
      bucket: 'month',
    },
    { key: 'n', label: { zh: '订单数', en: 'Orders' }, type: 'number', role: 'measure' },
    { key: 'revenue', label: { zh: '金额', en: 'Revenue' }, type: 'number', role: 'measure' },
  ],
  rows: [
    { region: '华东', month: '2026-01', n: 3, revenue: 300 },
    { region: '华东', month: '2026-02', n: 5, revenue: 520.5 },
    { region: '广东省', month: '2026-01', n: 2, revenue: 180 },
    { region: null, month: '2026-02', n: 1, revenue: 99 },
  ],
};

const stages: DatasetResult = {
  columns: [
    { key: 'stage', label: { zh: '阶段', en: 'Stage' }, type: 'string', role: 'dimension', field: 'stage' },
    { key: 'n', label: { zh: '商机数', en: 'Deals' }, type: 'number', role: 'measure' },
  ],
  rows: [
    { stage: '线索', n: 120 },
    { stage: '报价', n: 40 },
    { stage: '成交', n: 12 },
  ],
};

type EchartsRender = Extract<ChartRender, { kind: 'echarts' }>;
const echartsOf = (r: ChartRender): EchartsRender['option'] => {
  if (r.kind !== 'echarts') throw new Error(`expected echarts, got ${r.kind}`);
  return r.option;
};
type Series = {
  type: string;
  name?: string;
  stack?: string;
  data: { value: unknown; name?: string; cell?: DrillCell }[];
};
const seriesOf = (r: ChartRender) => echartsOf(r).series as Series[];

const SPECS: Record<ChartType, { spec: ChartSpec; data: DatasetResult }> = {
  table: { spec: { type: 'table' }, data: regionMonth },
  pivot: { spec: { type: 'pivot', x: 'region', series: 'month', value: 'n' }, data: regionMonth },
  kpi: {
    spec: { type: 'kpi', x: 'month', value: 'revenue' },
    data: { ...regionMonth, rows: regionMonth.rows.slice(0, 2) },
  },
  bar: { spec: { type: 'bar', x: 'region', y: ['n', 'revenue'] }, data: regionMonth },
  stacked_bar: { spec: { type: 'stacked_bar', x: 'month', series: 'region', value: 'n' }, data: regionMonth },
  line: { spec: { type: 'line', x: 'month', y: ['n'] }, data: regionMonth },
  area: { spec: { type: 'area', x: 'month', series: 'region', value: 'revenue' }, data: regionMonth },
  pie: { spec: { type: 'pie', x: 'stage', value: 'n' }, data: stages },
  donut: { spec: { type: 'donut', x: 'stage', value: 'n' }, data: stages },
  funnel: { spec: { type: 'funnel', x: 'stage', value: 'n' }, data: stages },
  heatmap: { spec: { type: 'heatmap', x: 'month', series: 'region', value: 'n' }, data: regionMonth },
  scatter: { spec: { type: 'scatter', x: 'region', y: ['n', 'revenue'] }, data: regionMonth },
  gauge: {
    spec: { type: 'gauge', value: 'rate' },
    data: {
      columns: [{ key: 'rate', label: { zh: '转化率', en: 'Rate' }, type: 'number', role: 'measure' }],
      rows: [{ rate: 0.325 }],
    },
  },
  map: { spec: { type: 'map', x: 'region', value: 'n' }, data: regionMonth },
};

describe('buildChartOption', () => {
  it('draws bars per measure with category labels and a drill cell per point', () => {
    const render = buildChartOption(SPECS.bar.spec, SPECS.bar.data, 'en');
    const option = echartsOf(render);
    expect((option.xAxis as { data: string[] }).data).toEqual(['华东', '广东省', '(empty)']);
    const series = seriesOf(render);
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Orders'],
      ['bar', 'Revenue'],
    ]);
    expect(series[0]!.data[0]).toEqual({ value: 3, cell: { values: { region: '华东' }, measure: 'n' } });
  });

  it('stacks one series per value of the series dimension and leaves missing groups empty', () => {
    const series = seriesOf(buildChartOption(SPECS.stacked_bar.spec, SPECS.stacked_bar.data, 'zh-CN'));
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ['华东', 'total'],
      ['广东省', 'total'],
      ['（空）', 'total'],
    ]);
    expect(series[1]!.data.map((d) => d.value)).toEqual([2, null]);
    expect(series[2]!.data[1]!.cell).toEqual({ values: { month: '2026-02', region: null }, measure: 'n' });
  });

  it('fills areas and keeps lines plain', () => {
    expect(seriesOf(buildChartOption(SPECS.area.spec, SPECS.area.data))[0]).toMatchObject({
      type: 'line',
      areaStyle: {},
    });
    expect(seriesOf(buildChartOption(SPECS.line.spec, SPECS.line.data))[0]).not.toHaveProperty('areaStyle');
  });

  it('makes pie, donut and a descending funnel from one dimension and one measure', () => {
    expect(seriesOf(buildChartOption(SPECS.pie.spec, stages))[0]).toMatchObject({
      type: 'pie',
      radius: '70%',
    });
    expect(seriesOf(buildChartOption(SPECS.donut.spec, stages))[0]).toMatchObject({ radius: ['45%', '70%'] });
    const funnel = seriesOf(buildChartOption(SPECS.funnel.spec, stages))[0]!;
    expect(funnel).toMatchObject({ type: 'funnel', sort: 'descending' });
    expect(funnel.data[2]).toEqual({
      name: '成交',
      value: 12,
      cell: { values: { stage: '成交' }, measure: 'n' },
    });
  });

  it('places heatmap cells on the two category axes with a visual map over the value range', () => {
    const option = echartsOf(buildChartOption(SPECS.heatmap.spec, regionMonth));
    expect((option.yAxis as { data: string[] }).data).toEqual(['华东', '广东省', '（空）']);
    expect(option.visualMap).toMatchObject({ min: 1, max: 5 });
    expect((option.series as Series[])[0]!.data[1]).toEqual({
      value: [1, 0, 5],
      cell: { values: { month: '2026-02', region: '华东' }, measure: 'n' },
    });
  });

  it('orders date buckets by time even when they are the second dimension, and labels percents', () => {
    const data: DatasetResult = {
      columns: regionMonth.columns,
      rows: [
        { region: '华东', month: '2026-02', n: 0.5, revenue: 1 },
        { region: '华南', month: '2025-12', n: 0.25, revenue: 1 },
        { region: '华南', month: '2026-01', n: 0.125, revenue: 1 },
      ],
    };
    const option = echartsOf(
      buildChartOption(
        { type: 'heatmap', x: 'region', series: 'month', value: 'n', options: { format: 'percent' } },
        data,
      ),
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['2025-12', '2026-01', '2026-02']);
    const label = (option.series as { label: { formatter: (p: { value: unknown[] }) => string } }[])[0]!
      .label;
    expect(label.formatter({ value: [0, 0, 0.125] })).toBe('12.5%');
  });

  it('shows option labels for coded values and maps region codes through them', () => {
    const data: DatasetResult = {
      columns: [
        {
          key: 'region',
          label: { zh: '区域', en: 'Region' },
          type: 'string',
          role: 'dimension',
          field: 'region',
          valueLabels: { east: { zh: '华东', en: 'East China' } },
        },
        { key: 'n', label: { zh: '数', en: 'N' }, type: 'number', role: 'measure' },
      ],
      rows: [{ region: 'east', n: 4 }],
    };
    const bar = echartsOf(buildChartOption({ type: 'bar', x: 'region', y: ['n'] }, data, 'en'));
    expect(JSON.stringify(bar.xAxis)).toContain('East China');
    const map = echartsOf(buildChartOption({ type: 'map', x: 'region', value: 'n' }, data));
    const names = (map.series as { data: { name: string; cell: DrillCell }[] }[])[0]!.data.map((d) => d.name);
    expect(names).toContain('上海');
    expect((map.series as { data: { cell: DrillCell }[] }[])[0]!.data[0]!.cell.values).toEqual({
      region: 'east',
    });
  });

  it('plots scatter points of two measures per group', () => {
    const series = seriesOf(buildChartOption(SPECS.scatter.spec, regionMonth));
    expect(series[0]!.data[0]).toMatchObject({ name: '华东', value: [3, 300] });
  });

  it('shows a 0..1 rate on a gauge as a percentage', () => {
    const series = seriesOf(buildChartOption(SPECS.gauge.spec, SPECS.gauge.data));
    expect(series[0]).toMatchObject({ type: 'gauge', max: 100, detail: { formatter: '{value}%' } });
    expect(series[0]!.data[0]!.value).toBe(32.5);
  });

  it('computes a KPI with its trend against the previous period', () => {
    const render = buildChartOption(SPECS.kpi.spec, SPECS.kpi.data, 'en');
    expect(render.kind === 'echarts' && render.kpi).toEqual({
      label: 'Revenue',
      value: 520.5,
      previous: 300,
      change: 0.735,
      period: '2026-02',
    });
    const texts = (echartsOf(render).graphic as { style: { text: string } }[]).map((g) => g.style.text);
    expect(texts).toEqual(['Revenue · 2026-02', '520.5', '▲ 73.5% vs previous']);
  });

  it('colours a sales region as all its provinces and a province by its short name on the China map', () => {
    const option = echartsOf(buildChartOption(SPECS.map.spec, regionMonth));
    const data = (option.series as Series[])[0]!.data;
    const names = data.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['上海', '江苏', '浙江', '山东', '广东']));
    expect(data.find((d) => d.name === '广东')).toEqual({
      name: '广东',
      value: 2,
      cell: { values: { region: '广东省' }, measure: 'n' },
    });
    expect(JSON.stringify(option.graphic)).toContain('未在地图显示');
  });

  it('builds a pivot model of row × column cells', () => {
    const render = buildChartOption(SPECS.pivot.spec, regionMonth);
    if (render.kind !== 'pivot') throw new Error('expected pivot');
    expect(render.pivot.rowLabels).toEqual(['华东', '广东省', '（空）']);
    expect(render.pivot.colLabels).toEqual(['2026-01', '2026-02']);
    expect(render.pivot.cells).toEqual([
      [3, 5],
      [2, null],
      [null, 1],
    ]);
  });

  it('formats a table with locale number formatting and row drill cells', () => {
    const render = buildChartOption(SPECS.table.spec, regionMonth, 'zh-CN');
    if (render.kind !== 'table') throw new Error('expected table');
    expect(render.table.columns.map((c) => c.label)).toEqual(['区域', '月份', '订单数', '金额']);
    expect(render.table.rows[1]!.cells).toEqual(['华东', '2026-02', '5', '520.5']);
    expect(render.table.rows[3]!.drill).toEqual({ values: { region: null, month: '2026-02' } });
  });

  it.each(CHART_TYPES.filter((t) => t !== 'table' && t !== 'pivot'))(
    'renders a %s with real ECharts (SVG, server side)',
    (type) => {
      const echarts = setupEcharts();
      echarts.use([SVGRenderer]);
      const { spec, data } = SPECS[type];
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
      chart.setOption(echartsOf(buildChartOption(spec, data)));
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(svg).toMatch(/^<svg/);
      expect(svg.length).toBeGreaterThan(500);
      // The China map really drew its 34 provinces.
      if (type === 'map') expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThanOrEqual(34);
    },
  );
});
