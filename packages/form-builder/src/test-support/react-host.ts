import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

// React warns about updates outside act() unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The container and React root of the running test. */
export interface ReactHost {
  readonly host: HTMLDivElement;
  readonly root: Root;
}

/** A fresh container and React root for each test, unmounted and removed after it. Call at module level. */
export function reactHostPerTest(): ReactHost {
  let current: { host: HTMLDivElement; root: Root } | null = null;
  beforeEach(() => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    current = { host, root: createRoot(host) };
  });
  afterEach(() => {
    const done = current;
    current = null;
    if (!done) return;
    act(() => done.root.unmount());
    done.host.remove();
  });
  const mounted = () => {
    if (!current) throw new Error('reactHostPerTest: used outside a test');
    return current;
  };
  return {
    get host() {
      return mounted().host;
    },
    get root() {
      return mounted().root;
    },
  };
}
