const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel 1900-system serial; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/**
 * An Excel date serial as a `Date` whose UTC fields are the cell's wall clock (the previous exceljs reader's
 * result, rounded to the millisecond). In the 1900 system Excel counts a 29 February 1900 that never
 * was, so serials 1–59 (January and February 1900) are one day later than the arithmetic says; serials
 * below 1 are times of day and stay on day 0 (1899-12-30), as exceljs had them.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  let ms = Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS);
  if (!date1904 && serial >= 1 && serial < 60) ms += DAY_MS;
  return new Date(ms);
}
