import { useAppDraft } from '../lib/app-draft';
import { describeDraftPath } from '../lib/describe-draft-path';
import { t } from '../lib/studio-text';
import { NavLink } from './nav-link';

/**
 * Above every app page: a load/save failure, or the draft's validation errors, each described in words
 * (document › field › property) with a link to the designer that fixes it. Designers also show the errors
 * of their own document next to the element.
 */
export function DraftBanner() {
  const d = useAppDraft();
  if (d.failure) return <div className="lt-error-banner">{d.failure}</div>;
  if (d.errors.length === 0 || !d.draft) return null;
  const draft = d.draft;
  return (
    <div className="lt-error-banner" data-testid="draft-errors" style={{ margin: '12px 20px 0' }}>
      <strong>{t('draftErrors')}</strong>
      <ul style={{ margin: '6px 0 0' }}>
        {d.errors.slice(0, 12).map((e) => {
          const where = describeDraftPath(draft, d.appId, e.path);
          return (
            <li key={`${e.path}:${e.message}`} data-error-path={e.path}>
              {where.to ? <NavLink to={where.to}>{where.text}</NavLink> : <code>{where.text}</code>}:{' '}
              {e.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
