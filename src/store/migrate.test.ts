import { describe, expect, it } from 'vitest';
import { anotherSchemaWentAway } from './migrate.js';

describe('migrating while other schemas come and go', () => {
  const gone = (name: string) => Object.assign(new Error(`schema "${name}" does not exist`), { code: '3F000' });

  it('looks again when a schema other than its own went away during the look-up', () => {
    expect(anotherSchemaWentAway(gone('t_other'), 't_mine')).toBe(true);
    expect(anotherSchemaWentAway(gone('t_other'), undefined)).toBe(true);
  });

  it('does not look again when its own schema is missing, or on any other error', () => {
    expect(anotherSchemaWentAway(gone('t_mine'), 't_mine')).toBe(false);
    expect(anotherSchemaWentAway(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }), 't_mine')).toBe(false);
    expect(anotherSchemaWentAway(new Error('disk full'), 't_mine')).toBe(false);
  });
});
