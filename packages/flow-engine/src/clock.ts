/** Time source; structurally the same as the storage layer's `Clock`, so the runtime passes its own. */
export interface Clock {
  now(): Date;
}
