import type { FileRef } from '@lattice/engine';
import { SignaturePad } from '@lattice/form-builder';
import { useEffect, useState } from 'react';
import { ft } from '../files/file-text';
import { uploadFile } from '../files/file-uploader';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { getLocale, label } from '../lib/i18n';
import { at } from './approval-text';
import { actOnFlow, type FlowAction, type FlowInstance, type Person, people } from './approvals-api';

export type DialogKind = 'approve' | 'reject' | 'transfer' | 'add_signer' | 'comment' | 'withdraw' | 'urge';

/**
 * The modal for one approval action: a comment box plus what the action needs (reject target, person,
 * before/after; for a comment, uploaded files — stored against the flow's `record` — and links; for an
 * approval of a step that requires it, the signature pad, whose PNG is uploaded as a flow file of the
 * `record` and sent as `signature`). Errors from the server (e.g. "already decided") show inside it.
 */
export function ApprovalActionDialog(p: {
  app: string;
  instanceId: string;
  kind: DialogKind;
  taskId?: string | null;
  /** Earlier approval steps one may send the record back to. */
  visited?: FlowInstance['visitedNodes'];
  /** The flow's record: comment attachments (and the signature image) are uploaded for it. */
  record?: { entity: string; id: string };
  /** The step being approved needs a handwritten signature: show the signature pad. */
  requireSignature?: boolean;
  onDone: (inst: FlowInstance) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const [links, setLinks] = useState('');
  const [files, setFiles] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [target, setTarget] = useState('submitter');
  const [user, setUser] = useState('');
  const [position, setPosition] = useState<'before' | 'after'>('before');
  const [who, setWho] = useState<Person[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const signing = p.kind === 'approve' && p.requireSignature === true;
  const needsUser = p.kind === 'transfer' || p.kind === 'add_signer';

  useEffect(() => {
    if (needsUser) void people(p.app).then(setWho, setError);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && p.onCancel();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [needsUser, p.app, p.onCancel]);

  const action = (signed?: FileRef): FlowAction => {
    const c = comment.trim() ? { comment: comment.trim() } : {};
    const task = p.taskId ? { taskId: p.taskId } : {};
    switch (p.kind) {
      case 'approve':
        return { type: 'approve', ...task, ...c, ...(signed ? { signature: signed } : {}) };
      case 'reject':
        return { type: 'reject', ...task, ...c, to: target === 'submitter' ? 'submitter' : { node: target } };
      case 'transfer':
        return { type: 'transfer', ...task, ...c, to: user };
      case 'add_signer':
        return { type: 'add_signer', ...task, ...c, user, position };
      case 'comment': {
        const attachments = links
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        const all = [...files, ...attachments];
        return { type: 'comment', comment: comment.trim(), ...(all.length ? { attachments: all } : {}) };
      }
      case 'withdraw':
        return { type: 'withdraw', ...c };
      case 'urge':
        return { type: 'urge', ...c };
    }
  };

  const attach = async (picked: FileList | null) => {
    const record = p.record;
    if (!picked || !record) return;
    setUploading(true);
    setError(null);
    try {
      const added: FileRef[] = [];
      for (const file of Array.from(picked)) {
        added.push(
          await uploadFile(p.app, { entity: record.entity, field: '$comment', recordId: record.id }, file),
        );
      }
      setFiles((list) => [...list, ...added]);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const signed =
        signing && p.record && signature ? await uploadSignature(p.app, p.record, signature) : undefined;
      p.onDone(await actOnFlow(p.app, p.instanceId, action(signed)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const title = p.kind === 'add_signer' ? at('addSigner') : at(p.kind);
  const invalid =
    (needsUser && !user) || (p.kind === 'comment' && !comment.trim()) || (signing && !signature);
  return (
    <div className="rt-modal-backdrop" onClick={p.onCancel}>
      <div
        className="rt-modal lt-card ap-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ap-dialog-title"
        data-dialog={p.kind}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="ap-dialog-title">{title}</h2>
        {p.kind === 'reject' && (
          <label className="rt-field">
            <span>{at('rejectTo')}</span>
            <select
              className="lt-input"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-field="reject-to"
            >
              <option value="submitter">{at('toSubmitter')}</option>
              {(p.visited ?? []).map((n) => (
                <option key={n.nodeId} value={n.nodeId}>
                  {label(n.label ?? undefined) || n.nodeId}
                </option>
              ))}
            </select>
          </label>
        )}
        {needsUser && (
          <label className="rt-field">
            <span>{at('pickUser')}</span>
            <select
              className="lt-input"
              value={user}
              onChange={(e) => setUser(e.target.value)}
              data-field="user"
            >
              <option value="">—</option>
              {who.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </select>
          </label>
        )}
        {p.kind === 'add_signer' && (
          <div className="rt-row" role="radiogroup">
            {(['before', 'after'] as const).map((pos) => (
              <label key={pos} className="rt-check">
                <input type="radio" checked={position === pos} onChange={() => setPosition(pos)} />
                {at(pos)}
              </label>
            ))}
          </div>
        )}
        {signing && (
          <div className="rt-field" data-testid="approval-signature">
            <span>{at('signatureRequired')}</span>
            <SignaturePad
              value={signature}
              onChange={setSignature}
              locale={getLocale()}
              inputId="ap-signature-pad"
            />
          </div>
        )}
        <label className="rt-field">
          <span>{p.kind === 'comment' ? at('comment') : at('commentPlaceholder')}</span>
          <textarea
            className="lt-input ap-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-field="comment"
          />
        </label>
        {p.kind === 'comment' && p.record && (
          <div className="rt-field">
            <ul className="ap-files" data-testid="comment-files">
              {files.map((f) => (
                <li key={f.id}>
                  📎 {f.name}{' '}
                  <button
                    type="button"
                    className="lt-link"
                    onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                  >
                    {ft('remove')}
                  </button>
                </li>
              ))}
            </ul>
            <label className="lt-btn ap-attach">
              {uploading ? ft('uploading') : ft('attach')}
              <input
                type="file"
                multiple
                hidden
                disabled={uploading}
                data-field="attachment-files"
                onChange={(e) => {
                  void attach(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </div>
        )}
        {p.kind === 'comment' && (
          <label className="rt-field">
            <span>{at('attachments')}</span>
            <textarea
              className="lt-input"
              rows={2}
              value={links}
              onChange={(e) => setLinks(e.target.value)}
              placeholder="https://…"
              data-field="attachments"
            />
          </label>
        )}
        {error ? (
          <div
            className="lt-error-banner"
            role="alert"
            data-error-code={error instanceof ApiError ? error.code : ''}
          >
            {errorMessage(error)}
          </div>
        ) : null}
        <div className="rt-form-actions">
          <button type="button" className="lt-btn" onClick={p.onCancel}>
            {at('cancel')}
          </button>
          <button
            type="button"
            className={`lt-btn ${p.kind === 'reject' ? 'rt-btn-danger-solid' : 'lt-btn-primary'}`}
            disabled={busy || uploading || invalid}
            data-action="confirm"
            onClick={() => void submit()}
          >
            {title}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Uploads the pad's PNG data URL as a flow file of the record (`$comment`), returning its ref. */
async function uploadSignature(
  app: string,
  record: { entity: string; id: string },
  dataUrl: string,
): Promise<FileRef> {
  // Decoded here rather than fetch(dataUrl): the page's CSP need not allow data: in connect-src.
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  const file = new File([bytes], 'signature.png', { type: 'image/png' });
  return uploadFile(app, { entity: record.entity, field: '$comment', recordId: record.id }, file);
}
