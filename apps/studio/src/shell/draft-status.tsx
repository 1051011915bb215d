import { useAppDraft } from '../lib/app-draft';
import { t } from '../lib/studio-text';

/** Top-bar status of the open app's draft: unsaved marker, save and discard. */
export function DraftStatus() {
  const d = useAppDraft();
  if (!d.draft) return null;
  return (
    <span className="st-row">
      <span className={`st-status${d.dirty ? ' is-dirty' : ''}`} data-testid="draft-status">
        {d.saving ? t('saving') : d.dirty ? t('unsaved') : t('saved')}
      </span>
      {d.dirty && (
        <button type="button" className="lt-btn" onClick={() => void d.reload()}>
          {t('discard')}
        </button>
      )}
      <button
        type="button"
        className="lt-btn lt-btn-primary"
        data-action="save-draft"
        disabled={!d.dirty || d.saving}
        onClick={() => void d.save()}
      >
        {t('save')}
      </button>
    </span>
  );
}
