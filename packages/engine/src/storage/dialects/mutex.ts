/** A FIFO async mutex: `lock()` resolves when the caller owns it; `unlock()` hands it to the next waiter. */
export interface Mutex {
  lock(): Promise<void>;
  unlock(): void;
}

export function createMutex(): Mutex {
  const waiters: (() => void)[] = [];
  let locked = false;
  return {
    lock() {
      if (!locked) {
        locked = true;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    unlock() {
      const next = waiters.shift();
      if (next) next();
      else locked = false;
    },
  };
}
