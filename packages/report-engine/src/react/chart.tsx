import type { ChartSpec, Locale } from '@lattice/engine';
import type { ECharts } from 'echarts/core';
import { type CSSProperties, useEffect, useMemo, useRef } from 'react';
import { buildChartOption } from './build-chart-option';
import type { ChartData, DrillCell } from './chart-render';
import { DataTable } from './data-table';
import { setupEcharts } from './echarts-setup';
import { PivotTable } from './pivot-table';

export interface ChartProps {
  spec: ChartSpec;
  result: ChartData;
  locale?: Locale;
  /** Called with the clicked cell; turn it into a record filter with `drillDownFilter`. */
  onDrill?: (cell: DrillCell) => void;
  /** Receives the ECharts instance (for `exportChartPng`), or null when it goes away. */
  onInstance?: (chart: ECharts | null) => void;
  style?: CSSProperties;
  className?: string;
}

/**
 * Renders any chart type: table and pivot as HTML tables, everything else with ECharts (canvas, resized
 * with its container). Clicking a data point calls `onDrill` with that point's dimension values.
 */
export function Chart({ spec, result, locale = 'zh-CN', onDrill, onInstance, style, className }: ChartProps) {
  const render = useMemo(() => buildChartOption(spec, result, locale), [spec, result, locale]);
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const drill = useRef(onDrill);
  drill.current = onDrill;
  const isCanvas = render.kind === 'echarts';

  useEffect(() => {
    if (!isCanvas || !host.current) return;
    const chart = setupEcharts().init(host.current, undefined, { locale: locale === 'en' ? 'EN' : 'ZH' });
    instance.current = chart;
    onInstance?.(chart);
    chart.on('click', (params) => {
      const cell = cellOf(params.data);
      if (cell) drill.current?.(cell);
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(host.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
      instance.current = null;
      onInstance?.(null);
    };
  }, [isCanvas, locale, onInstance]);

  useEffect(() => {
    if (render.kind === 'echarts') instance.current?.setOption(render.option, { notMerge: true });
  }, [render]);

  switch (render.kind) {
    case 'table':
      return <DataTable table={render.table} onDrill={onDrill} className={className} style={style} />;
    case 'pivot':
      return (
        <PivotTable
          pivot={render.pivot}
          locale={locale}
          onDrill={onDrill}
          className={className}
          style={style}
        />
      );
    case 'echarts':
      return (
        <div
          ref={host}
          className={className}
          style={{ width: '100%', height: 320, ...style }}
          data-chart-type={spec.type}
        />
      );
  }
}

function cellOf(data: unknown): DrillCell | null {
  if (!data || typeof data !== 'object' || !('cell' in data)) return null;
  const cell = (data as { cell: unknown }).cell;
  return cell && typeof cell === 'object' && 'values' in cell ? (cell as DrillCell) : null;
}
