import type { AppStore, Clock, FieldCodec, LatticeDb } from '@lattice/engine/storage';

/** What the pack operations need: the server's {@link ServerContext} fits, and so does the CLI's. */
export interface PackDeps {
  db: LatticeDb;
  appStore: AppStore;
  clock: Clock;
  /** Users by username (seed user fields hold usernames). */
  users: { list(): Promise<{ id: string; username: string }[]> };
  /** Encryption at rest for sensitive seed values (the server's `ctx.fieldCodec`). */
  fieldCodec?: FieldCodec;
}
