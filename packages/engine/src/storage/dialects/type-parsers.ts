/**
 * Both dialects return the same JS shapes: numeric/int8 as numbers (the API speaks JSON numbers), dates as
 * 'YYYY-MM-DD' strings (a JS Date would shift by the server's time zone), timestamptz as Date.
 */
export const PG_TYPE_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  20: (v) => Number(v),
  1700: (v) => Number(v),
  1082: (v) => v,
};
