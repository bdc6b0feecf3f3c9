import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

/** ARCHITECTURE.md's layer direction and the connector SDK boundary, as .dependency-cruiser.cjs states them. */
describe('architecture', () => {
  it('keeps layers pointing one way and connector folders on the SDK entry point', async () => {
    const result = await cruise(['src', 'connectors'], { ...rules.options, validate: true, ruleSet: { forbidden: rules.forbidden } });
    const output = typeof result.output === 'string' ? undefined : result.output;
    const violations = (output?.summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    // The rules must have something to check: a cruise that found no modules would pass any rule.
    expect(output?.summary.totalCruised).toBeGreaterThan(200);
  }, 60_000);
});
