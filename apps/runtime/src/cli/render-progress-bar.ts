/** What the bar shows. */
export interface ProgressView {
  rowsDone: number;
  totalRows: number | null;
  rowsPerSecond: number;
  etaSeconds: number | null;
  failed: number;
}

/**
 * One line of a terminal progress bar: `[██████░░░░] 60% 60,000/100,000 rows · 12,345 rows/s · ETA 3s · 12 failed`.
 * Without a total it shows rows and rate only.
 */
export function renderProgressBar(p: ProgressView, width = 30): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const parts: string[] = [];
  if (p.totalRows !== null && p.totalRows > 0) {
    const share = Math.min(1, p.rowsDone / p.totalRows);
    const full = Math.round(share * width);
    parts.push(
      `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}%`,
    );
    parts.push(`${n(p.rowsDone)}/${n(p.totalRows)} rows`);
  } else parts.push(`${n(p.rowsDone)} rows`);
  parts.push(`${n(p.rowsPerSecond)} rows/s`);
  if (p.etaSeconds !== null) parts.push(`ETA ${formatSeconds(p.etaSeconds)}`);
  if (p.failed) parts.push(`${n(p.failed)} failed`);
  return parts.join(' · ');
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
