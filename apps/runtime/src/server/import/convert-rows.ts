import type { EntityDoc } from '@lattice/engine';
import {
  type ColumnMapping,
  type PreparedMapping,
  prepareMapping,
  type RowInput,
  rowToInput,
  type SourceRow,
} from '@lattice/engine/import';

/** How a sheet's rows become record inputs: the entity, the column mapping and the header row to skip. */
export interface RowConversion {
  entity: EntityDoc;
  mapping: readonly ColumnMapping[];
  headerRow: number;
}

/** Converts runs of source rows (`rowToInput`), leaving out the rows up to the header row. */
export function runConverter(conversion: RowConversion): (rows: readonly SourceRow[]) => RowInput[] {
  const prepared: PreparedMapping = prepareMapping(conversion.entity, conversion.mapping);
  return (rows) => {
    const out: RowInput[] = [];
    for (const r of rows) if (r.row > conversion.headerRow) out.push(rowToInput(prepared, r));
    return out;
  };
}

/** {@link runConverter} over a stream of runs, on this thread. */
export async function* convertRuns(
  runs: AsyncIterable<SourceRow[]>,
  conversion: RowConversion,
): AsyncIterable<RowInput[]> {
  const convert = runConverter(conversion);
  for await (const run of runs) yield convert(run);
}
