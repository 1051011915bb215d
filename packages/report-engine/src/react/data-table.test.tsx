import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildChartOption } from './build-chart-option';
import { Chart } from './chart';
import { DataTable } from './data-table';
import { PivotTable } from './pivot-table';

const result = {
  columns: [
    {
      key: 'region',
      label: { zh: '区域', en: 'Region' },
      type: 'string' as const,
      role: 'dimension' as const,
    },
    { key: 'q', label: { zh: '季度', en: 'Quarter' }, type: 'string' as const, role: 'dimension' as const },
    { key: 'n', label: { zh: '数量', en: 'Count' }, type: 'number' as const, role: 'measure' as const },
  ],
  rows: [
    { region: '华东', q: '2026-Q1', n: 1200 },
    { region: '华南', q: '2026-Q2', n: 3 },
  ],
};

describe('DataTable and PivotTable', () => {
  it('renders headers and locale-formatted numbers', () => {
    const render = buildChartOption({ type: 'table' }, result, 'zh-CN');
    if (render.kind !== 'table') throw new Error('expected table');
    const html = renderToStaticMarkup(<DataTable table={render.table} />);
    expect(html).toContain('<th style="text-align:left">区域</th>');
    expect(html).toContain('<td style="text-align:right">1,200</td>');
  });

  it('renders a pivot with an empty cell where a group is missing', () => {
    const render = buildChartOption({ type: 'pivot', x: 'region', series: 'q', value: 'n' }, result, 'en');
    if (render.kind !== 'pivot') throw new Error('expected pivot');
    const html = renderToStaticMarkup(<PivotTable pivot={render.pivot} locale="en" />);
    expect(html).toContain('<th>2026-Q2</th>');
    expect(html).toMatch(/<th scope="row">华东<\/th><td[^>]*>1,200<\/td><td[^>]*><\/td>/);
  });

  it('renders a canvas host for ECharts types from <Chart>', () => {
    const html = renderToStaticMarkup(
      <Chart spec={{ type: 'bar', x: 'region', y: ['n'] }} result={result} />,
    );
    expect(html).toContain('data-chart-type="bar"');
  });
});
