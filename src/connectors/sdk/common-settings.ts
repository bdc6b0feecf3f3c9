import { z } from 'zod';

/** Settings every integration has, besides the connector's own. */
export const commonSettings = [
  { key: 'environment', label: 'Environment', doc: 'production, test or sandbox (a local simulator)', schema: z.enum(['production', 'test', 'sandbox']), default: 'production' },
  { key: 'baseUrl', label: 'API root', doc: "the system's API root; defaults to the environment's address", schema: z.url(), adminOnly: true },
  { key: 'intervalMinutes', label: 'Sync interval (minutes)', doc: 'minutes between scheduled runs of the pulling flows', schema: z.coerce.number().int().min(1).max(1440) },
  { key: 'overlapMinutes', label: 'Overlap window (minutes)', doc: 'how far before the cursor each run re-reads, so nothing at the boundary is missed', schema: z.coerce.number().int().min(0).max(1440), default: 5 },
] as const;
