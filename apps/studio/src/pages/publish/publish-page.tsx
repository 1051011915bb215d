import type { I18nText } from '@lattice/engine';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useAppDraft } from '../../lib/app-draft';
import { describeDraftPath } from '../../lib/describe-draft-path';
import { label } from '../../lib/i18n';
import type { AppVersionInfo, PublishChange, PublishPreview } from '../../lib/studio-api';
import { studioApi } from '../../lib/studio-api';
import { t } from '../../lib/studio-text';
import type { ChangeGroup } from '../../model/group-changes';
import { groupChanges } from '../../model/group-changes';
import { NavLink } from '../../shell/nav-link';

const GROUPS: { id: ChangeGroup; tag: string }[] = [
  { id: 'added', tag: 'is-add' },
  { id: 'changed', tag: 'is-change' },
  { id: 'removed', tag: 'is-drop' },
];

/**
 * Publish: the server's diff of draft vs live, grouped into added / changed / removed, lossy changes in
 * red with their reasons behind a confirmation checkbox, validation errors by path, and the publish button.
 */
export function PublishPage(p: { appId: string }) {
  const d = useAppDraft();
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<AppVersionInfo | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    setConfirm(false);
    try {
      setPreview(await studioApi.previewPublish(p.appId));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, [p.appId]);
  useEffect(() => {
    if (!d.dirty) void load();
  }, [load, d.dirty]);

  if (d.dirty) {
    return (
      <div className="lt-page">
        <div className="lt-card st-section">
          <p>{t('saveFirst')}</p>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="save-and-preview"
            onClick={() => void d.save()}
          >
            {t('saveAndPreview')}
          </button>
        </div>
      </div>
    );
  }

  const publish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const v = await studioApi.publish(p.appId, { confirmLossy: confirm, ...(note ? { note } : {}) });
      setDone(v);
      setNote('');
      await load();
    } catch (e) {
      setFailure(
        e instanceof ApiError
          ? [e.message, ...e.details.map((x) => `${x.path}: ${x.message}`)].join('\n')
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  const groups = preview ? groupChanges(preview.changes) : null;
  const canPublish =
    preview !== null &&
    preview.changes.length > 0 &&
    preview.errors.length === 0 &&
    (!preview.lossy || confirm) &&
    !busy;
  return (
    <div className="lt-page" data-testid="publish-page">
      {done && (
        <div className="st-ok-banner" data-testid="published">
          {t('published', { v: done.version })} ·{' '}
          <NavLink to={`/apps/${p.appId}/versions`}>{t('versions')}</NavLink> ·{' '}
          <a href="/" target="_blank" rel="noreferrer">
            {t('openRuntime')}
          </a>
        </div>
      )}
      {failure && (
        <div className="lt-error-banner" style={{ whiteSpace: 'pre-line' }} data-testid="publish-failure">
          {failure}
        </div>
      )}
      {!preview ? (
        <p className="lt-muted">{t('loading')}</p>
      ) : (
        <section className="lt-card st-section" data-testid="publish-preview">
          <div className="st-row" style={{ justifyContent: 'space-between' }}>
            <h2 style={{ margin: 0 }}>
              {preview.fromVersion === null
                ? t('firstPublish')
                : t('fromVersion', { v: preview.fromVersion })}
            </h2>
            <button type="button" className="lt-btn" onClick={() => void load()}>
              {t('refreshPreview')}
            </button>
          </div>
          {preview.errors.length > 0 && (
            <div className="lt-error-banner" data-testid="preview-errors" style={{ marginTop: 12 }}>
              {t('previewErrors')}
              {preview.errors.map((e) => {
                const where = d.draft ? describeDraftPath(d.draft, p.appId, e.path) : { text: e.path };
                return (
                  <div key={`${e.path}:${msg(e.message)}`} data-error-path={e.path}>
                    {where.to ? <NavLink to={where.to}>{where.text}</NavLink> : <code>{where.text}</code>}:{' '}
                    {msg(e.message)}
                  </div>
                );
              })}
            </div>
          )}
          {preview.changes.length === 0 && <p className="lt-muted">{t('nothingToPublish')}</p>}
          {groups &&
            GROUPS.filter((g) => groups[g.id].length > 0).map((g) => (
              <div key={g.id} data-change-group={g.id} style={{ marginTop: 12 }}>
                <h3 style={{ fontSize: 14, margin: '0 0 4px' }}>
                  {t(g.id)} ({groups[g.id].length})
                </h3>
                {groups[g.id].map((c) => (
                  <ChangeRow key={changeKey(c)} change={c} tag={g.tag} />
                ))}
              </div>
            ))}
          {preview.lossy && groups && (
            <div className="st-lossy" data-testid="lossy">
              <p style={{ margin: '0 0 6px' }}>{t('lossyWarning')}</p>
              <ul style={{ margin: '0 0 8px' }}>
                {groups.lossy.map((c) => (
                  <li key={changeKey(c)}>
                    <strong>{label(c.summary)}</strong> — {label(c.lossReason)}
                  </li>
                ))}
              </ul>
              <label className="st-check">
                <input
                  type="checkbox"
                  data-action="confirm-lossy"
                  checked={confirm}
                  onChange={(e) => setConfirm(e.target.checked)}
                />
                {t('confirmLossy')}
              </label>
            </div>
          )}
          {preview.changes.length > 0 && (
            <div className="st-row" style={{ marginTop: 14 }}>
              <input
                className="lt-input"
                style={{ flex: 1, minWidth: 200 }}
                data-prop="note"
                placeholder={t('publishNote')}
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.target.value)}
              />
              <button
                type="button"
                className="lt-btn lt-btn-primary"
                data-action="publish"
                disabled={!canPublish}
                onClick={() => void publish()}
              >
                {busy ? t('publishing') : t('publishNow')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function ChangeRow(p: { change: PublishChange; tag: string }) {
  const c = p.change;
  return (
    <div className="st-change" data-change={c.kind} data-lossy={c.lossy ? 'true' : 'false'}>
      <span className={`st-tag ${c.lossy ? 'is-lossy' : p.tag}`}>
        {c.lossy ? t('lossy') : t(p.tag === 'is-add' ? 'added' : p.tag === 'is-drop' ? 'removed' : 'changed')}
      </span>
      <div>
        <div>{label(c.summary)}</div>
        {c.lossReason && <div className="st-field-error">{label(c.lossReason)}</div>}
      </div>
    </div>
  );
}

function msg(m: string | I18nText): string {
  return typeof m === 'string' ? m : label(m);
}

/** Changes have no id; kind + entity + field + summary is unique within one preview. */
function changeKey(c: PublishChange): string {
  return `${c.kind}:${c.entity ?? ''}:${c.field ?? ''}:${c.summary.en}`;
}
