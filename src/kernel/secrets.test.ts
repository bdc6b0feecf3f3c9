import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from './secrets.js';

describe('secrets at rest', () => {
  it('seals and opens; the sealed text does not contain the secret and differs each time', () => {
    const box = createSecretBox(Buffer.alloc(32, 7));
    const a = box.seal('hunter2-api-key');
    expect(a).not.toContain('hunter2');
    expect(a).not.toBe(box.seal('hunter2-api-key'));
    expect(box.open(a)).toBe('hunter2-api-key');
  });

  it('refuses to open with another key, saying why', () => {
    const sealed = createSecretBox(Buffer.alloc(32, 1)).seal('x');
    expect(() => createSecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow(/not the key it was saved with/);
  });

  it('generates a key into the data directory once, readable only by the owner', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wmsync-key-'));
    const first = loadSecretKey(undefined, dir);
    expect(loadSecretKey(undefined, dir).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o077).toBe(0);
  });

  it('takes the key from the environment in hex or base64, and refuses a short one', () => {
    const hex = 'ab'.repeat(32);
    expect(loadSecretKey(hex, '/nonexistent').toString('hex')).toBe(hex);
    expect(loadSecretKey(Buffer.alloc(32, 9).toString('base64'), '/nonexistent').equals(Buffer.alloc(32, 9))).toBe(true);
    expect(() => loadSecretKey('abcd', '/nonexistent')).toThrow(/32 bytes/);
  });
});
