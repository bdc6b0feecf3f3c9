import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds the database and the secret key: when wmsync creates it, only its own
 * user may enter it (0700). A directory that exists already is left as it is: it may be shared.
 */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Creates a file only its owner may read and write (0600), or narrows an existing one to that.
 * SQLite gives its -wal and -shm files the mode of the database file, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
