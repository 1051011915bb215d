import { errorMessage } from '../lib/error-message';

export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="lt-error-banner" role="alert">
      {errorMessage(error)}
    </div>
  );
}
