import type { AuditEntry } from './audit-log.js';

/** What changed in one line, for the CLI and the UI: `field: from → to`; secrets by name. */
export const describeChanges = (entry: Pick<AuditEntry, 'changes'>): string =>
  Object.entries(entry.changes)
    .map(([field, change]) => {
      if (change !== null && typeof change === 'object' && !Array.isArray(change)) {
        const { from, to } = change as { from?: unknown; to?: unknown };
        return `${field}: ${from === undefined ? '' : `${JSON.stringify(from)} → `}${JSON.stringify(to)}`;
      }
      return `${field}: ${Array.isArray(change) ? change.join(', ') : String(change)}`;
    })
    .join('; ');
