import { useState } from 'react';
import { login } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { t } from '../lib/ui-text';
import { LanguageSwitch } from '../shell/language-switch';

/** Username/password sign-in. `expired` explains why the user is back here. */
export function LoginPage(p: { expired?: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(p.expired ? t('sessionExpired') : null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="lt-login">
      <form
        className="lt-card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await login(username, password);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        <div className="rt-row rt-between">
          <div className="rt-login-brand">
            <span className="rt-logo">L</span>
            <h1>{t('loginTitle')}</h1>
          </div>
          <LanguageSwitch />
        </div>
        <p className="lt-muted rt-flush">{t('loginHint')}</p>
        {error && (
          <div className="lt-error-banner" role="alert">
            {error}
          </div>
        )}
        <label className="rt-field">
          {t('username')}
          <input
            className="lt-input"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="rt-field">
          {t('password')}
          <input
            className="lt-input"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button
          className="lt-btn lt-btn-primary rt-block"
          type="submit"
          disabled={busy || !username || !password}
        >
          {t('login')}
        </button>
      </form>
    </div>
  );
}
