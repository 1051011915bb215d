import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import { type ChartRoles, chartValue, columnLabel, drillCell, numberOrNull } from './chart-helpers';
import { CHINA_MAP_NAME, provincesForRegion } from './china-regions';

/**
 * Map of China by province: each row's x value (a province or a sales region such as 华东) colours its
 * provinces with `value`; clicking any of them drills into that row. Values no province matches are
 * listed in the legend-less `unmatched` graphic so nothing disappears silently.
 */
export function mapOption(
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
  nameMap: Readonly<Record<string, string>> = {},
): EChartsOption {
  const { x, value } = roles;
  const data: { name: string; value: number | '-'; cell: ReturnType<typeof drillCell> }[] = [];
  const unmatched: string[] = [];
  for (const r of rows) {
    const raw = x ? r[x.key] : null;
    let provinces = typeof raw === 'string' ? provincesForRegion(raw, nameMap) : [];
    // A code like `east` with an option label 华东 lands on the label's provinces.
    const optionLabel = typeof raw === 'string' ? x?.valueLabels?.[raw] : undefined;
    if (provinces.length === 0 && optionLabel) provinces = provincesForRegion(optionLabel.zh, nameMap);
    if (provinces.length === 0) unmatched.push(String(raw ?? ''));
    const v = value ? numberOrNull(r[value.key]) : null;
    for (const name of provinces) data.push({ name, value: chartValue(v), cell: drillCell(r, [x], value) });
  }
  const numbers = data.map((d) => d.value).filter((v): v is number => v !== '-');
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    visualMap: {
      min: numbers.length ? Math.min(...numbers) : 0,
      max: numbers.length ? Math.max(...numbers) : 1,
      left: 8,
      bottom: 8,
      calculable: true,
      text: [locale === 'en' ? 'High' : '高', locale === 'en' ? 'Low' : '低'],
    },
    series: [{ type: 'map', map: CHINA_MAP_NAME, name: columnLabel(value, locale), roam: true, data }],
    ...(unmatched.length
      ? {
          graphic: [
            {
              type: 'text',
              right: 8,
              bottom: 8,
              style: {
                text: `${locale === 'en' ? 'Not on map' : '未在地图显示'}: ${unmatched.join(', ')}`,
                fill: '#999',
              },
            },
          ],
        }
      : {}),
  };
}
