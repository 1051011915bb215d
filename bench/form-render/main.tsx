/**
 * The benchmark page (bundled by bench/form-render.ts): mounts the Lattice FormRenderer and a plain React
 * form of the same 200 fields, and measures first render and keystroke-to-update latency in the page.
 */
import { FORM_BUILDER_CSS, FormRenderer } from '@lattice/form-builder';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { BaselineForm } from './baseline-form';
import { benchEntity, benchForm, TYPED_FIELD } from './bench-entity';

const entity = benchEntity();
const form = benchForm(entity);

function LatticeForm() {
  const [value, setValue] = useState<Record<string, unknown>>({});
  return <FormRenderer entity={entity} form={form} value={value} onChange={setValue} />;
}

type Kind = 'lattice' | 'baseline';
let root: Root | null = null;
let host: HTMLElement | null = null;

function unmount() {
  root?.unmount();
  host?.remove();
  root = null;
  host = null;
}

/** Mounts a form synchronously and returns the time until it is rendered, committed and laid out. */
function mount(kind: Kind): number {
  unmount();
  host = document.createElement('div');
  document.body.appendChild(host);
  const t0 = performance.now();
  root = createRoot(host);
  flushSync(() => root!.render(kind === 'lattice' ? <LatticeForm /> : <BaselineForm entity={entity} />));
  void document.body.offsetHeight;
  return performance.now() - t0;
}

/** Types `n` characters into the middle text field; returns each keystroke's update + layout time. */
function keystrokes(kind: Kind, n: number): number[] {
  const sel = kind === 'lattice' ? `[data-field="${TYPED_FIELD}"] input` : `input[name="${TYPED_FIELD}"]`;
  const input = host?.querySelector(sel) as HTMLInputElement | null;
  if (!input) throw new Error(`no input ${sel}`);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    setter.call(input, `${input.value}x`);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync(() => {});
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  if (!input.value.endsWith('x'.repeat(n))) throw new Error(`${kind}: keystrokes were not applied`);
  return times;
}

const style = document.createElement('style');
style.textContent = FORM_BUILDER_CSS;
document.head.appendChild(style);

(window as unknown as { bench: object }).bench = { mount, keystrokes, unmount };
