import type { Db } from '../storage/open-database.js';

/** The stored OA token pair. Times are epoch ms; null expiry = unknown. */
export interface StoredTokens {
  accessToken: string | null;
  refreshToken: string | null;
  accessExpiresAt: number | null;
  refreshExpiresAt: number | null;
  /** Fingerprint of the environment pair this row was last seeded from (see 010_zalo_tokens.sql). */
  bootstrapHash: string | null;
  updatedAt: number;
}

/** Narrow access to the single-row `zalo_tokens` table. */
export interface TokenRepository {
  read(): StoredTokens | undefined;
  /** Replaces the whole row in one transaction. */
  write(tokens: StoredTokens): void;
}

interface TokenRow {
  access_token: string | null;
  refresh_token: string | null;
  access_expires_at: number | null;
  refresh_expires_at: number | null;
  bootstrap_hash: string | null;
  updated_at: number;
}

/** Creates the repository over an open database (migration 010 applied). */
export function createTokenRepository(db: Db): TokenRepository {
  const select = db.prepare<[], TokenRow>(
    'SELECT access_token, refresh_token, access_expires_at, refresh_expires_at, bootstrap_hash, updated_at FROM zalo_tokens WHERE id = 1',
  );
  const upsert = db.prepare(
    `INSERT INTO zalo_tokens (id, access_token, refresh_token, access_expires_at, refresh_expires_at, bootstrap_hash, updated_at)
     VALUES (1, @accessToken, @refreshToken, @accessExpiresAt, @refreshExpiresAt, @bootstrapHash, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at,
       bootstrap_hash = excluded.bootstrap_hash, updated_at = excluded.updated_at`,
  );
  const write = db.transaction((tokens: StoredTokens) => {
    upsert.run(tokens);
  });
  return {
    read() {
      const row = select.get();
      return row
        ? {
            accessToken: row.access_token,
            refreshToken: row.refresh_token,
            accessExpiresAt: row.access_expires_at,
            refreshExpiresAt: row.refresh_expires_at,
            bootstrapHash: row.bootstrap_hash,
            updatedAt: row.updated_at,
          }
        : undefined;
    },
    write(tokens) {
      write(tokens);
    },
  };
}
