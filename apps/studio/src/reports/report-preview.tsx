import type { ReportDoc } from '@lattice/engine';
import type { DatasetResult } from '@lattice/report-engine';
import { Chart } from '@lattice/report-engine/react';
import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import type { UiLocale } from '../lib/i18n';
import { rpt } from './report-text';
import { previewDataset } from './reports-api';

const DEBOUNCE_MS = 400;

/**
 * The live preview: re-runs the dataset (debounced) whenever it changes and draws the chart; a bad
 * dataset lists the server's problems, each with its spec path (`dataset.measures.1.field`).
 */
export function ReportPreview(p: { appId: string; report: ReportDoc; locale: UiLocale }) {
  const [result, setResult] = useState<DatasetResult | null>(null);
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(p.report.dataset);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the dataset
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      previewDataset(p.appId, p.report.dataset)
        .then((r) => {
          if (!live) return;
          setResult(r);
          setProblems([]);
        })
        .catch((e: unknown) => {
          if (!live) return;
          setResult(null);
          setProblems(
            e instanceof ApiError && e.details.length > 0
              ? e.details
              : [{ path: '', message: e instanceof Error ? e.message : String(e) }],
          );
        })
        .finally(() => live && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [p.appId, key]);

  return (
    <section className="lt-card rp-preview" data-testid="report-preview" aria-busy={loading}>
      <div className="st-row" style={{ justifyContent: 'space-between' }}>
        <h3>{rpt('preview')}</h3>
        <span className="lt-muted rp-hint">
          {result ? `${rpt('rows', { n: result.rows.length })} · ` : ''}
          {rpt('previewHint')}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="rp-problems" data-testid="preview-problems">
          {problems.map((x) => (
            <li key={`${x.path}:${x.message}`} data-error-path={x.path}>
              {x.path && <code>{x.path}</code>} {x.message}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <Chart
          spec={p.report.chart}
          result={result}
          locale={p.locale}
          className="rp-chart"
          style={{ height: 340 }}
        />
      )}
    </section>
  );
}
