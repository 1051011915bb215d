import type { FileRef } from '@lattice/engine';
import type { Uploader } from '@lattice/form-builder';
import { apiForm } from '../lib/api';
import { fileUrl, rememberFileUrl } from './file-urls';

/** Uploads one file to `POST /api/apps/:app/files` for `entity` + `field` (`$comment` + `recordId` for flows). */
export async function uploadFile(
  app: string,
  target: { entity: string; field: string; recordId?: string },
  file: File,
): Promise<FileRef> {
  const form = new FormData();
  form.append('entity', target.entity);
  form.append('field', target.field);
  if (target.recordId) form.append('recordId', target.recordId);
  form.append('file', file, file.name);
  const res = await apiForm<{ file: FileRef; url: string }>(`/api/apps/${app}/files`, form);
  rememberFileUrl(res.file.id, res.url);
  return res.file;
}

/**
 * The form renderer's uploader for one entity: uploads through the runtime's file API and shows files by
 * their signed URLs (load them first with `loadFileUrls` for an existing record's files).
 */
export function fileUploader(app: string, entity: string): Uploader {
  return {
    upload: (file, target) => uploadFile(app, { entity, field: target.field }, file),
    urlFor: (ref) => fileUrl(ref.id) ?? '',
  };
}
