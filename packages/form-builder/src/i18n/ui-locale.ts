/** The UI language of the studio and the runtime (zh-CN first, English), kept in localStorage and shared by every page. */
import { useSyncExternalStore } from 'react';

/** UI languages; zh-CN first. */
export type UiLocale = 'zh-CN' | 'en';

const STORAGE_KEY = 'lattice.locale';
const listeners = new Set<() => void>();
let current: UiLocale = readStored() ?? 'zh-CN';

/**
 * The stored language. Reading `localStorage` throws on opaque origins (about:blank, sandboxed frames —
 * the form-render bench page), so a failure means "none stored" instead of breaking the module.
 */
function readStored(): UiLocale | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'zh-CN' ? stored : null;
  } catch {
    return null;
  }
}

export function getLocale(): UiLocale {
  return current;
}

export function setLocale(locale: UiLocale): void {
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // No storage (opaque origin): the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  for (const l of listeners) l();
}

/** Re-renders the caller when the language changes. */
export function useLocale(): UiLocale {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    getLocale,
    getLocale,
  );
}

type Dict = Record<string, { zh: string; en: string }>;

/** Builds a `t(key)` over a dictionary; missing keys show the key so they are easy to spot. */
export function createTranslator<D extends Dict>(dict: D) {
  return function t(key: keyof D & string, vars?: Record<string, string | number>): string {
    const entry = dict[key];
    let text = entry ? (current === 'en' ? entry.en : entry.zh) : key;
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

/** Picks the label of an I18nText for the current language. */
export function label(text: { zh: string; en: string } | undefined): string {
  if (!text) return '';
  return current === 'en' ? text.en || text.zh : text.zh || text.en;
}
