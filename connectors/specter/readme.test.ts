import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessedNames, nameKeys } from './operations.js';

describe('README', () => {
  it('lists every guessed name of operations.ts with its default, to confirm with Specter', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const valueOf = (key: string) => key.split('.').reduce<unknown>((at, segment) => (at as Record<string, unknown>)[segment], guessedNames);
    for (const key of nameKeys()) expect(readme, key).toContain(`| \`${key}\` | \`${String(valueOf(key))}\` |`);
  });
});
