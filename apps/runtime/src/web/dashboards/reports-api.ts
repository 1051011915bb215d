import type { JsonLogic } from '@lattice/engine';
import type { DatasetResult, SharedFilterValues } from '@lattice/report-engine';
import { ApiError, api, loadSession } from '../lib/api';
import { getLocale } from '../lib/i18n';

/** A report's result plus the shared-filter JsonLogic the server applied (drill-downs reuse it). */
export interface ReportRun extends DatasetResult {
  extraFilter: JsonLogic | null;
}

/** Runs a published report, inside `dashboard` when given (its shared filter `filters` apply). */
export function runReport(
  app: string,
  report: string,
  opts: { dashboard?: string; filters?: SharedFilterValues } = {},
): Promise<ReportRun> {
  return api<ReportRun>('POST', `/api/apps/${app}/reports/${report}/run`, opts);
}

/**
 * Downloads a report's data as xlsx or csv (the server checks the `export` right) and saves it under the
 * server's file name. Retries once through `api` on 401 so an expired access token gets refreshed.
 */
export async function downloadReport(
  app: string,
  report: string,
  format: 'xlsx' | 'csv',
  opts: { dashboard?: string; filters?: SharedFilterValues } = {},
): Promise<void> {
  const url = `/api/apps/${app}/reports/${report}/export`;
  const body = JSON.stringify({ format, ...opts });
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': getLocale(),
        Authorization: `Bearer ${loadSession()?.accessToken ?? ''}`,
      },
      body,
    });
  let res = await send();
  if (res.status === 401) {
    await api('GET', '/api/apps').catch(() => null);
    res = await send();
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: { path: string; message: string }[] };
    } | null;
    throw new ApiError(
      res.status,
      err?.error?.code ?? `HTTP_${res.status}`,
      err?.error?.message ?? res.statusText,
      err?.error?.details ?? [],
    );
  }
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? `${report}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function fileNameOf(disposition: string | null): string | null {
  const m = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
