/**
 * A `Content-Disposition` header that keeps non-ASCII (zh-CN) file names: an ASCII fallback in
 * `filename="…"` plus the UTF-8 name in `filename*=UTF-8''…` (RFC 6266 / RFC 5987).
 *
 * @example contentDisposition('attachment', '报价单.pdf')
 * // attachment; filename="___.pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
