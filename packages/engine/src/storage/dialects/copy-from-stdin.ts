/**
 * `COPY <table> (<columns>) FROM STDIN` travels through kysely as an ordinary query whose single
 * parameter is the data in COPY's text format. kysely has no COPY API, so each dialect recognises this
 * shape at its edge and feeds the parameter to the server's COPY protocol (pg: pg-copy-streams; PGlite:
 * its `/dev/blob` device) — inside whatever transaction the query runs in.
 */
const COPY_FROM_STDIN = /^\s*copy\s[^;]*\sfrom\s+stdin\s*$/i;

export function isCopyFromStdin(sql: string, parameters: readonly unknown[]): boolean {
  return parameters.length === 1 && typeof parameters[0] === 'string' && COPY_FROM_STDIN.test(sql);
}
