import type { AppDefinition } from '@lattice/engine';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from './api';
import { getLocale } from './i18n';
import { setLeaveGuard } from './router';
import { studioApi } from './studio-api';

/** One server validation problem, path first (e.g. `documents.3.fields.2.name`). */
export interface DraftError {
  path: string;
  message: string;
}

/** The app being designed: its draft, local edits, and the server's verdict on the last save. */
export interface AppDraftState {
  appId: string;
  /** The draft as edited locally (null while loading). */
  draft: AppDefinition | null;
  /** Local edits not yet saved to the server. */
  dirty: boolean;
  saving: boolean;
  /** Validation errors from the last save, by path; empty when it passed. */
  errors: DraftError[];
  /** A load/save failure that is not a validation error. */
  failure: string | null;
  /** Applies a local edit (immutable update) to the draft. */
  update: (edit: (draft: AppDefinition) => AppDefinition) => void;
  /** PUTs the draft; resolves true when the server accepted it. */
  save: () => Promise<boolean>;
  /** Reloads the server's draft, dropping local edits. */
  reload: () => Promise<void>;
}

const AppDraftContext = createContext<AppDraftState | null>(null);

const LEAVE_TEXT = {
  zh: '草稿有未保存的修改，离开将丢失这些修改。确定离开？',
  en: 'The draft has unsaved changes that will be lost. Leave anyway?',
};

/** Loads `appId`'s draft and shares it with every studio page of that app. */
export function AppDraftProvider(p: { appId: string; children: ReactNode }) {
  const { appId } = p;
  const [draft, setDraft] = useState<AppDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef<AppDefinition | null>(null);

  const reload = useCallback(async () => {
    setFailure(null);
    try {
      const next = await studioApi.getDraft(appId);
      latest.current = next;
      setDraft(next);
      setDirty(false);
      setErrors([]);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, [appId]);

  useEffect(() => {
    setDraft(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!dirty) return;
    // Closing the tab or reloading with unsaved edits asks first.
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    // Leaving the app inside the studio drops the local edits: ask first.
    const inApp = `/apps/${appId}`;
    const uninstall = setLeaveGuard(
      (to) =>
        to === inApp ||
        to.startsWith(`${inApp}/`) ||
        window.confirm(LEAVE_TEXT[getLocale() === 'en' ? 'en' : 'zh']),
    );
    return () => {
      window.removeEventListener('beforeunload', guard);
      uninstall();
    };
  }, [dirty, appId]);

  const update = useCallback((edit: (d: AppDefinition) => AppDefinition) => {
    const current = latest.current;
    if (!current) return;
    const next = edit(current);
    if (next === current) return;
    latest.current = next;
    setDraft(next);
    setDirty(true);
  }, []);

  const save = useCallback(async () => {
    const current = latest.current;
    if (!current) return false;
    setSaving(true);
    setFailure(null);
    try {
      await studioApi.saveDraft(appId, current);
      // Keep the local object (the designers key undo history on identity); the server stores it as sent.
      setDirty(latest.current !== current);
      setErrors([]);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) setErrors(e.details);
      else setFailure(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setSaving(false);
    }
  }, [appId]);

  const value = useMemo<AppDraftState>(
    () => ({ appId, draft, dirty, saving, errors, failure, update, save, reload }),
    [appId, draft, dirty, saving, errors, failure, update, save, reload],
  );
  return <AppDraftContext.Provider value={value}>{p.children}</AppDraftContext.Provider>;
}

/** The current app's draft; only inside pages under `/apps/:app`. */
export function useAppDraft(): AppDraftState {
  const ctx = useContext(AppDraftContext);
  if (!ctx) throw new Error('useAppDraft must be used inside an app page (/apps/:app/...)');
  return ctx;
}
