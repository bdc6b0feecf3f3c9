import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDataDir } from './data-dir.js';
import { configError } from './errors.js';

/**
 * Secrets at rest: AES-256-GCM with a 32-byte key. The text form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url; the version lets the scheme change later.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw configError('the secret key must be 32 bytes (64 hex characters or 44 base64 characters)');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw configError('a stored secret is not in a known format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw configError('a stored secret cannot be decrypted: WMSYNC_SECRET_KEY is not the key it was saved with');
      }
    },
  };
}

/**
 * The key from WMSYNC_SECRET_KEY (hex or base64), else from `secret.key` in the data directory,
 * generated there on first use (mode 0600). A cluster must set the variable: every process needs
 * the same key.
 */
export function loadSecretKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return parseKey(fromEnv);
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8').trim());
  ensureDataDir(dataDir);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw configError('WMSYNC_SECRET_KEY must be 32 bytes: 64 hex characters or 44 base64 characters');
  return key;
}
