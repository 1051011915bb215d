import type { CSSProperties } from 'react';
import type { DrillCell, TableModel } from './chart-render';

export interface DataTableProps {
  table: TableModel;
  onDrill?: (cell: DrillCell) => void;
  className?: string;
  style?: CSSProperties;
}

/** A plain result table; clicking a row drills into its group. Numbers are right-aligned. */
export function DataTable({ table, onDrill, className, style }: DataTableProps) {
  return (
    <table className={className ?? 'lattice-data-table'} style={style}>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} style={{ textAlign: c.numeric ? 'right' : 'left' }}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no id; order is the query's.
            key={i}
            onClick={onDrill ? () => onDrill(row.drill) : undefined}
            style={onDrill ? { cursor: 'pointer' } : undefined}
          >
            {row.cells.map((text, j) => (
              <td
                key={table.columns[j]!.key}
                style={{ textAlign: table.columns[j]!.numeric ? 'right' : 'left' }}
              >
                {text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
