/** Retry policy of the durable job table. */
export interface RetryPolicy {
  /** Attempts before the job goes to the dead-letter state. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseMs: 10_000, maxMs: 3_600_000 };

/**
 * When to retry a job whose `attempt`-th run (1-based) just failed: exponential backoff
 * (base·2^(attempt-1), capped) with "equal jitter" — half fixed, half from `random()` in [0, 1) — so
 * instances that failed together do not retry together. `null` means give up (dead-letter).
 *
 * @example
 * nextRetryAt(1, now, () => 0.5); // → now + 7.5 s with the default policy
 */
export function nextRetryAt(
  attempt: number,
  now: Date,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const delay = ceiling / 2 + random() * (ceiling / 2);
  return new Date(now.getTime() + Math.round(delay));
}
