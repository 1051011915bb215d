import { useEffect, useRef, useState } from 'react';
import { logout, type Session } from '../lib/api';
import { t } from '../lib/ui-text';

/** The avatar button in the top bar: who is signed in, their roles, the studio link and sign-out. */
export function UserMenu(p: { user: Session['user'] }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const name = p.user.displayName || p.user.username;
  const designer = p.user.roles.some((r) => r === 'admin' || r === 'analyst');
  return (
    <div className="rt-user" ref={ref}>
      <button
        type="button"
        className="rt-user-button"
        data-testid="user-menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="rt-avatar">{name.slice(0, 1).toUpperCase()}</span>
        <span className="rt-user-name" data-testid="current-user">
          {name}
        </span>
      </button>
      {open && (
        <div className="rt-menu lt-card" role="menu">
          <div className="rt-menu-head">
            <strong>{name}</strong>
            <div className="lt-muted">@{p.user.username}</div>
            <div className="rt-menu-roles">
              {p.user.roles.map((r) => (
                <span key={r} className="lt-badge">
                  {r}
                </span>
              ))}
            </div>
          </div>
          {designer && (
            <a role="menuitem" href="/studio/" target="_blank" rel="noreferrer">
              {t('openStudio')}
            </a>
          )}
          <button type="button" role="menuitem" data-action="logout" onClick={() => void logout()}>
            {t('logout')}
          </button>
        </div>
      )}
    </div>
  );
}
