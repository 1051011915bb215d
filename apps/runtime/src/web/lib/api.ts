import { getLocale } from './i18n';

/** The standard error body of every Lattice API error. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

/** An API error with the server's readable message and per-path details (path = field name). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[],
  ) {
    super(message);
  }

  /** Errors keyed by path, for forms. */
  byPath(): Record<string, string> {
    return Object.fromEntries(this.details.map((d) => [d.path, d.message]));
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: {
    id: string;
    username: string;
    displayName?: string;
    roles: string[];
    department?: string | null;
    region?: string | null;
  };
}

const SESSION_KEY = 'lattice.session';

export function loadSession(): Session | null {
  const raw = globalThis.localStorage?.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

const sessionListeners = new Set<() => void>();

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  for (const l of sessionListeners) l();
}

/** Calls `listener` whenever the session is saved or cleared (login, refresh, logout, expiry). */
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Revokes the refresh token on the server (best effort) and clears the session. */
export async function logout(): Promise<void> {
  const session = loadSession();
  if (session)
    await send('POST', '/api/auth/logout', { refreshToken: session.refreshToken }).catch(() => null);
  saveSession(null);
}

async function send(method: string, path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': getLocale() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ApiErrorBody;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
  } catch {
    return new ApiError(res.status, 'HTTP_' + res.status, res.statusText, []);
  }
}

let refreshing: Promise<boolean> | null = null;
let expired = false;

/** True when the last session ended because its refresh token was refused (not by signing out). */
export function sessionExpired(): boolean {
  return expired;
}

async function refreshSession(): Promise<boolean> {
  const session = loadSession();
  if (!session) return false;
  const res = await send('POST', '/api/auth/refresh', { refreshToken: session.refreshToken });
  if (!res.ok) {
    expired = true;
    saveSession(null);
    return false;
  }
  const next = (await res.json()) as Partial<Session>;
  saveSession({ ...session, ...next } as Session);
  return true;
}

/** Calls the API with the session's token, refreshing it once on 401. Throws {@link ApiError}. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res = await send(method, path, body, loadSession()?.accessToken);
  if (res.status === 401 && loadSession()) {
    refreshing ??= refreshSession().finally(() => {
      refreshing = null;
    });
    if (await refreshing) res = await send(method, path, body, loadSession()?.accessToken);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function login(username: string, password: string): Promise<Session> {
  const res = await send('POST', '/api/auth/login', { username, password });
  if (!res.ok) throw await toError(res);
  const session = (await res.json()) as Session;
  expired = false;
  saveSession(session);
  return session;
}

/** Posts a multipart form (file uploads) with the session's token, refreshing it once on 401. */
export async function apiForm<T>(path: string, form: FormData): Promise<T> {
  const post = () => {
    const token = loadSession()?.accessToken;
    return fetch(path, {
      method: 'POST',
      headers: { 'Accept-Language': getLocale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: form,
    });
  };
  let res = await post();
  if (res.status === 401 && loadSession()) {
    refreshing ??= refreshSession().finally(() => {
      refreshing = null;
    });
    if (await refreshing) res = await post();
  }
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}
