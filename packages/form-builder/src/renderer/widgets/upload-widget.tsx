import { type FileRef, fileRefsOf } from '@lattice/engine';
import { useState } from 'react';
import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** File and image upload through the host's uploader; lists files, or shows thumbnails for images. */
export function UploadWidget(p: WidgetProps & { image: boolean }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const field = p.field;
  const multiple = (field.type === 'file' || field.type === 'image') && field.multiple === true;
  const files = fileRefsOf(p.value);
  const uploader = p.services.uploader;
  const emit = (list: FileRef[]) => p.onChange(list.length === 0 ? null : multiple ? list : list[0]);
  const onFiles = async (picked: FileList | null) => {
    if (!picked || !uploader) return;
    setBusy(true);
    setFailed(null);
    try {
      const added: FileRef[] = [];
      for (const file of Array.from(picked)) added.push(await uploader.upload(file, { field: field.name }));
      emit(multiple ? [...files, ...added] : added.slice(-1));
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const accept = p.image
    ? 'image/*'
    : field.type === 'file' && field.accept
      ? field.accept.join(',')
      : undefined;
  return (
    <div className={`lf-upload${p.image ? ' is-image' : ''}`}>
      <ul className="lf-files">
        {files.map((f) => {
          // Hosts may not know a URL yet (signed URLs still loading): show the name until they do.
          const url = uploader?.urlFor?.(f) ?? '';
          return (
            <li key={f.id}>
              {p.image && url ? (
                <img className="lf-thumb" src={url} alt={f.name} />
              ) : url ? (
                <a href={url} target="_blank" rel="noreferrer">
                  {f.name}
                </a>
              ) : (
                <span>{f.name}</span>
              )}
              <small>{formatSize(f.size)}</small>
              {!p.readonly && (
                <button
                  type="button"
                  className="lf-link"
                  onClick={() => emit(files.filter((x) => x.id !== f.id))}
                >
                  {formText('remove', p.locale)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!p.readonly && (multiple || files.length === 0) && (
        <label className="lf-button lf-upload-button">
          {busy ? formText('uploading', p.locale) : formText(p.image ? 'uploadImage' : 'upload', p.locale)}
          <input
            id={p.inputId}
            type="file"
            hidden
            accept={accept}
            multiple={multiple}
            disabled={busy || !uploader}
            aria-invalid={p.invalid}
            onChange={(e) => {
              void onFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {failed && <div className="lf-error">{failed}</div>}
    </div>
  );
}
