import { useSyncExternalStore } from 'react';

/** One transient message in the corner. */
export interface ToastItem {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

function push(kind: ToastItem['kind'], text: string): void {
  const id = nextId++;
  items = [...items, { id, kind, text }];
  emit();
  // Errors stay longer: users must be able to read them.
  setTimeout(() => dismissToast(id), kind === 'error' ? 8000 : 3500);
}

/** Removes a toast now (its close button). */
export function dismissToast(id: number): void {
  items = items.filter((i) => i.id !== id);
  emit();
}

/** Shows a transient message: `toast.success('已保存')`, `toast.error(err.message)`. */
export const toast = {
  success: (text: string) => push('success', text),
  error: (text: string) => push('error', text),
  info: (text: string) => push('info', text),
};

/** Renders the toasts; mounted once by the shell. */
export function Toaster() {
  const list = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => items,
    () => items,
  );
  return (
    <div className="rt-toasts" aria-live="polite">
      {list.map((item) => (
        <div
          key={item.id}
          className={`rt-toast rt-toast-${item.kind}`}
          role={item.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{item.text}</span>
          <button type="button" aria-label="×" onClick={() => dismissToast(item.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
