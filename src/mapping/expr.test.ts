import { describe, expect, it } from 'vitest';
import { exprSchema } from './expr.js';
import { expr as e } from './expr-builders.js';

describe('exprSchema', () => {
  it('accepts every built expression', () => {
    const all = [
      e.path('a.b', { scope: 'record', label: 'A ⇒ B' }),
      e.constant(1),
      e.setting('x'),
      e.firstOf(e.path('a')),
      e.join(' ', e.path('a'), e.path('b')),
      e.multiply(e.path('a'), e.constant(2)),
      e.sum(e.path('a')),
      e.round(e.path('a'), 2),
      e.toNumber(e.path('a')),
      e.toText(e.path('a')),
      e.convertWeight(e.path('a'), 'lb', e.path('unit')),
      e.countryToIso(e.path('a')),
      e.languageToCode(e.path('a')),
      e.ifExists(e.path('a'), e.constant(true), e.constant(false)),
      e.filter(e.path('a'), 'b', ['c', 1, true], { ignoreCase: true }),
      e.pluck(e.path('a'), 'b'),
      e.each(e.path('a'), e.path('b')),
      e.lookup('t', e.path('a'), { default: e.constant('x'), required: false }),
      e.equals(e.path('a'), ['Y'], { ignoreCase: true }),
      e.not(e.path('a')),
    ];
    for (const expr of all) expect(exprSchema.parse(JSON.parse(JSON.stringify(expr)))).toEqual(expr);
  });

  it.each([
    [{ kind: 'eval', code: 'process.exit()' }, ['kind']],
    [{ kind: 'path', path: 'a', extra: 1 }, []],
    [{ kind: 'path', path: 'a..b' }, ['path']],
    [{ kind: 'path', path: "a['b']" }, ['path']],
    [{ kind: 'join', separator: ' ', parts: [] }, ['parts']],
    [{ kind: 'multiply', of: [{ kind: 'const', value: 2 }] }, ['of']],
    [{ kind: 'round', value: { kind: 'const', value: 2 }, decimals: 1.5 }, ['decimals']],
    [{ kind: 'convertWeight', value: { kind: 'const', value: 2 }, unit: 'stone' }, ['unit']],
    [{ kind: 'not', value: { kind: 'nope' } }, ['value', 'kind']],
  ])('refuses %j', (input, path) => {
    const parsed = exprSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });
});
