import { useCallback, useEffect, useState } from 'react';
import { toast } from '../components/toast';
import { api } from '../lib/api';
import { useCurrentApp } from '../lib/current-app';
import { errorMessage } from '../lib/error-message';
import { createTranslator, getLocale, useLocale } from '../lib/i18n';

/** A durable job as `GET /api/apps/:app/jobs` returns it. */
interface JobRow {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  runAt: string;
  attempts: number;
  maxAttempts: number;
  idempotencyKey: string;
  lastError: string | null;
  finishedAt: string | null;
}

const STATUSES = ['dead', 'queued', 'running', 'done'] as const;

const jt = createTranslator({
  jobs: { zh: '后台任务', en: 'Background jobs' },
  hint: {
    zh: '规则的异步动作、定时与相对时间触发、审批超时和导入都在这里排队执行；失败会按退避重试，用尽后进入死信。',
    en: 'Async rule actions, schedules and timers, approval timeouts and imports queue here; failures retry with backoff, then become dead letters.',
  },
  dead: { zh: '死信', en: 'Dead' },
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '执行中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  kind: { zh: '类型', en: 'Kind' },
  key: { zh: '幂等键', en: 'Idempotency key' },
  runAt: { zh: '计划时间', en: 'Run at' },
  attempts: { zh: '尝试次数', en: 'Attempts' },
  error: { zh: '最后错误', en: 'Last error' },
  retry: { zh: '重新执行', en: 'Retry' },
  retried: { zh: '已重新排队', en: 'Queued again' },
  empty: { zh: '没有任务', en: 'No jobs' },
  noApp: { zh: '请先选择应用', en: 'Choose an app first' },
});

/** Admins: the app's job queue by status, dead letters first, each with its last error and a retry button. */
export function JobsPage() {
  useLocale();
  const { appId } = useCurrentApp();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('dead');
  const [jobs, setJobs] = useState<JobRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    if (!appId) return;
    try {
      const res = await api<{ items: JobRow[] }>(
        'GET',
        `/api/apps/${encodeURIComponent(appId)}/jobs?status=${status}&limit=200`,
      );
      setJobs(res.items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [appId, status]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!appId) return <div className="lt-page lt-muted">{jt('noApp')}</div>;
  const retry = async (id: string) => {
    try {
      await api('POST', `/api/apps/${encodeURIComponent(appId)}/jobs/${id}/retry`);
      toast.success(jt('retried'));
      await load();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <div className="lt-page">
      <div className="rt-page-head">
        <div>
          <h1>{jt('jobs')}</h1>
          <div className="lt-muted">{jt('hint')}</div>
        </div>
      </div>
      <nav className="rt-tabs" aria-label={jt('jobs')}>
        {STATUSES.map((s) => (
          <a
            key={s}
            href={`#${s}`}
            data-job-status={s}
            className={s === status ? 'active' : ''}
            onClick={(e) => {
              e.preventDefault();
              setStatus(s);
            }}
          >
            {jt(s)}
          </a>
        ))}
      </nav>
      {error ? (
        <div className="lt-error-banner" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      {jobs?.length === 0 && <div className="rt-empty-state lt-card">{jt('empty')}</div>}
      {jobs && jobs.length > 0 && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-table" data-testid="jobs">
            <thead>
              <tr>
                <th>{jt('kind')}</th>
                <th>{jt('key')}</th>
                <th>{jt('runAt')}</th>
                <th>{jt('attempts')}</th>
                <th>{jt('error')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} data-job={j.id}>
                  <td>
                    <code>{j.kind}</code>
                  </td>
                  <td className="lt-muted" style={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                    {j.idempotencyKey}
                  </td>
                  <td>{when(j.runAt)}</td>
                  <td>
                    {j.attempts} / {j.maxAttempts}
                  </td>
                  <td
                    style={{
                      maxWidth: 360,
                      overflowWrap: 'anywhere',
                      color: j.lastError ? 'var(--lt-danger)' : undefined,
                    }}
                  >
                    {j.lastError ?? '—'}
                  </td>
                  <td>
                    {j.status === 'dead' && (
                      <button type="button" className="lt-btn" onClick={() => void retry(j.id)}>
                        {jt('retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
