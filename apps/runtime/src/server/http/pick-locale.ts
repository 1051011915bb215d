import type { Locale } from '@lattice/engine';

/**
 * Picks the response language from an `Accept-Language` header: the highest-weighted tag that is English
 * gives `en`, anything else (or nothing) gives zh-CN, the product's primary language.
 *
 * @example pickLocale('en-US,en;q=0.9') // 'en'
 */
export function pickLocale(header: string | string[] | undefined): Locale {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { tag: string; q: number } | null = null;
  for (const part of raw.split(',')) {
    const [tagPart, ...params] = part.trim().split(';');
    const tag = (tagPart ?? '').trim().toLowerCase();
    if (!tag) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isNaN(q)) continue;
    if (!best || q > best.q) best = { tag, q };
  }
  return best && (best.tag === 'en' || best.tag.startsWith('en-')) ? 'en' : 'zh-CN';
}
