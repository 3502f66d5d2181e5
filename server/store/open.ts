import { join } from 'node:path';
import { PostgresStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';
import type { MembershipStore } from './types.ts';

// Picks the store from the environment: DATABASE_URL=postgres://… → PostgreSQL (several instances may
// share it), otherwise the SQLite file in the data directory (one instance).

export interface OpenedStore {
  store: MembershipStore;
  /** Where the data lives, for the start-up log (no password). */
  location: string;
}

export async function openStore(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<OpenedStore> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    const shown = new URL(url);
    shown.password = '';
    return { store: await PostgresStore.open(url), location: `PostgreSQL ${shown.host}${shown.pathname}` };
  }
  const file = join(options.dataDir, 'membership.sqlite');
  return { store: new SqliteStore(file), location: file };
}
