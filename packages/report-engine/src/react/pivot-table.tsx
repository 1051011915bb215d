import type { Locale } from '@lattice/engine';
import type { CSSProperties } from 'react';
import { formatNumber } from './chart-helpers';
import type { DrillCell, PivotModel } from './chart-render';

export interface PivotTableProps {
  pivot: PivotModel;
  locale?: Locale;
  onDrill?: (cell: DrillCell) => void;
  className?: string;
  style?: CSSProperties;
}

/** A cross-tab of two dimensions; clicking a cell drills into that row × column group. */
export function PivotTable({ pivot, locale = 'zh-CN', onDrill, className, style }: PivotTableProps) {
  return (
    <table className={className ?? 'lattice-pivot-table'} style={style}>
      <thead>
        <tr>
          <th>
            {pivot.rowLabel} \ {pivot.columnLabel}
          </th>
          {pivot.colLabels.map((label, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: column labels can repeat ("(empty)").
            <th key={j}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {pivot.rowKeys.map((rowKey, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: row keys may be null; position is stable.
          <tr key={i}>
            <th scope="row">{pivot.rowLabels[i]}</th>
            {pivot.colKeys.map((colKey, j) => {
              const value = pivot.cells[i]![j] ?? null;
              const cell: DrillCell = {
                values: { [pivot.rowKey]: rowKey, [pivot.colKey]: colKey },
                measure: pivot.valueKey,
              };
              return (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                  key={j}
                  style={{ textAlign: 'right', cursor: onDrill && value !== null ? 'pointer' : undefined }}
                  onClick={onDrill && value !== null ? () => onDrill(cell) : undefined}
                >
                  {formatNumber(value, locale)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
