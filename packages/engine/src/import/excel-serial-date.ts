/** Excel's day 0 is 1899-12-30 (which absorbs the 1900 leap-year bug for every date after 1900-02-28). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The wall-clock date and time an Excel serial number stands for, as a UTC-based `Date` whose UTC fields
 * are the cell's local fields (serials carry no time zone). Serials outside 1900–9999 give null.
 *
 * @example excelSerialToDate(45292).toISOString() // → '2024-01-01T00:00:00.000Z'
 */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}
