import { useAppDraft } from '../lib/app-draft';
import { t } from '../lib/studio-text';

/**
 * Above every app page: a load/save failure, or the draft's validation errors (path → message).
 * Designers also show the errors of their own document next to the element.
 */
export function DraftBanner() {
  const d = useAppDraft();
  if (d.failure) return <div className="lt-error-banner">{d.failure}</div>;
  if (d.errors.length === 0) return null;
  return (
    <div className="lt-error-banner" data-testid="draft-errors">
      <strong>{t('draftErrors')}</strong>
      <ul>
        {d.errors.slice(0, 8).map((e) => (
          <li key={`${e.path}:${e.message}`}>
            <code>{e.path}</code> {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
