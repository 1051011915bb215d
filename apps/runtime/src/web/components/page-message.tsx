import { errorMessage } from '../lib/error-message';
import { t } from '../lib/ui-text';

/** A whole-page loading indicator or error (with retry when given). */
export function PageMessage(p: { loading?: boolean; error?: unknown; onRetry?: () => void }) {
  if (p.error) {
    return (
      <div className="lt-page">
        <div className="lt-error-banner rt-row rt-between" role="alert">
          <span>{typeof p.error === 'string' ? p.error : errorMessage(p.error)}</span>
          {p.onRetry && (
            <button type="button" className="lt-btn" onClick={p.onRetry}>
              {t('retry')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return <div className="lt-page lt-muted">{t('loading')}</div>;
}
