import type { ReactNode } from 'react';
import { BASE, navigate } from '../lib/router';

/** An in-app link: a real href (middle-click works) that navigates without a reload. */
export function NavLink(p: { to: string; active?: boolean; children: ReactNode; className?: string }) {
  return (
    <a
      href={BASE + p.to}
      className={[p.className, p.active ? 'active' : ''].filter(Boolean).join(' ') || undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(p.to);
      }}
    >
      {p.children}
    </a>
  );
}
