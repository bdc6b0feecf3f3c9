import { existsSync, readFileSync } from 'node:fs';

/**
 * A section of the current docs/benchmarks.md that `npm run bench` keeps as it is, with a blank
 * line before it: the figures the test suite prints (the fault campaign, the cluster-wide rate
 * limit) are copied there from a test run, not measured by the bench. Empty when there is none.
 */
export function keptSection(file: string, heading: string): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const next = text.indexOf('\n## ', start + heading.length + 1);
  return `\n${text.slice(start + 1, next < 0 ? undefined : next + 1).trimEnd()}\n`;
}
