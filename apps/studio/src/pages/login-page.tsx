import { useState } from 'react';
import { ApiError, login, saveSession } from '../lib/api';
import { t } from '../lib/studio-text';
import { LanguageSwitch } from '../shell/language-switch';

type Session = Awaited<ReturnType<typeof login>>;

const DESIGNER_ROLES = ['admin', 'analyst'];

/** Username/password sign-in; only designer roles (admin, analyst) get in. */
export function LoginPage(p: { onLogin: (s: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
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
            const session = await login(username, password);
            if (!session.user.roles.some((r) => DESIGNER_ROLES.includes(r))) {
              saveSession(null);
              setError(t('notDesigner'));
              return;
            }
            p.onLogin(session);
          } catch (err) {
            setError(err instanceof ApiError ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="st-row" style={{ justifyContent: 'space-between' }}>
          <h1>{t('loginTitle')}</h1>
          <LanguageSwitch />
        </div>
        <p className="lt-muted" style={{ margin: 0 }}>
          {t('loginHint')}
        </p>
        {error && (
          <div className="lt-error-banner" role="alert">
            {error}
          </div>
        )}
        <label className="st-field">
          {t('username')}
          <input
            className="lt-input"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="st-field">
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
        <button className="lt-btn lt-btn-primary" type="submit" disabled={busy || !username || !password}>
          {t('login')}
        </button>
      </form>
    </div>
  );
}
