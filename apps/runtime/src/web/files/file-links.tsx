import type { FileRef } from '@lattice/engine';
import { ft } from './file-text';
import { useFileUrls } from './file-urls';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `url` with `download=1`: the server answers with `Content-Disposition: attachment` (audited). */
export function downloadHref(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}download=1`;
}

/**
 * Stored files shown read-only: image thumbnails (click opens the image) or file names that download,
 * through signed URLs fetched for the ids the user may read. Files the server refuses show as plain names.
 */
export function FileLinks(p: { app: string; refs: FileRef[]; image?: boolean; compact?: boolean }) {
  const urls = useFileUrls(
    p.app,
    p.refs.map((r) => r.id),
  );
  return (
    <span className={`rt-files${p.compact ? ' is-compact' : ''}`} data-testid="file-links">
      {p.refs.map((ref) => {
        const url = urls[ref.id];
        if (!url) {
          return (
            <span key={ref.id} className="rt-file" title={ft('unavailable')}>
              {ref.name}
            </span>
          );
        }
        if (p.image && ref.mime.startsWith('image/')) {
          return (
            <a
              key={ref.id}
              className="rt-file is-image"
              href={url}
              target="_blank"
              rel="noreferrer"
              onClick={(e) => e.stopPropagation()}
            >
              <img className="rt-thumb" src={url} alt={ref.name} data-file={ref.id} />
            </a>
          );
        }
        return (
          <a
            key={ref.id}
            className="rt-file"
            href={downloadHref(url)}
            download={ref.name}
            data-file={ref.id}
            title={`${ft('download')} ${ref.name} (${formatSize(ref.size)})`}
            onClick={(e) => e.stopPropagation()}
          >
            📎 {ref.name}
            {!p.compact && <small> {formatSize(ref.size)}</small>}
          </a>
        );
      })}
    </span>
  );
}
