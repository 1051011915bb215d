const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel 1900-system serial; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/**
 * An Excel date serial as a `Date` whose UTC fields are the cell's wall clock (serials carry no time
 * zone), rounded to the millisecond. In the 1900 system Excel counts a 29 February 1900 that never was,
 * so serials 1–59 (January and February 1900) are one day later than the arithmetic says; serials below
 * 1 are times of day and stay on day 0 (1899-12-30).
 *
 * @example excelSerialToWallClock(45292).toISOString() // → '2024-01-01T00:00:00.000Z'
 */
export function excelSerialToWallClock(serial: number, date1904 = false): Date {
  let ms = Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS);
  if (!date1904 && serial >= 1 && serial < 60) ms += DAY_MS;
  return new Date(ms);
}

/**
 * The wall-clock date and time a 1900-system serial typed as text or a number stands for (see
 * `excelSerialToWallClock`); serials outside 1900–9999 give null.
 *
 * @example excelSerialToDate(45292).toISOString() // → '2024-01-01T00:00:00.000Z'
 */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return excelSerialToWallClock(serial);
}
