// The chain's last refresh token is the user's to keep: the run spent the one they gave. It is
// never printed; when REFRESH_TOKEN_FILE is set it is written there, readable by the owner only.

import { chmodSync, writeFileSync } from 'node:fs';
import type { Run } from './context.ts';

/** Writes the last valid refresh token to REFRESH_TOKEN_FILE; returns the path, or undefined. */
export function leaveRefreshToken(run: Run): string | undefined {
  const file = run.config.refreshTokenFile;
  const token = run.tokens.last();
  if (!file || !token) return undefined;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
