import type { LiveApp } from '../contracts';

/**
 * Which version is live, per app, remembered for a short time. A cache entry's age is measured with the
 * process's monotonic timer, not the injected clock: this is an infrastructure TTL, not business time.
 */
export class LivePointerCache {
  readonly #entries = new Map<string, { live: LiveApp; at: number }>();

  constructor(private readonly ttlMs: number) {}

  get(appId: string): LiveApp | undefined {
    const hit = this.#entries.get(appId);
    if (!hit) return undefined;
    if (performance.now() - hit.at > this.ttlMs) {
      this.#entries.delete(appId);
      return undefined;
    }
    return hit.live;
  }

  set(appId: string, live: LiveApp): void {
    if (this.ttlMs > 0) this.#entries.set(appId, { live, at: performance.now() });
  }

  delete(appId: string): void {
    this.#entries.delete(appId);
  }
}
