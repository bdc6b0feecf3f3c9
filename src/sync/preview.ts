import { importTargets } from '../connectors/sdk/flows.js';
import { toFieldIssues } from '../domain/index.js';
import type { FieldIssue } from '../kernel/errors.js';
import { configError, recordError } from '../kernel/errors.js';
import { applyMapping, applyOverrides } from '../mapping/index.js';
import type { IntegrationStore } from './integrations.js';
import type { Samples } from './samples.js';
import { targets } from './targets.js';

export interface PreviewRow {
  record: string;
  externalId: string;
  /** What the saved mapping writes. */
  current?: Record<string, unknown>;
  /** What the changed mapping would write. */
  proposed?: Record<string, unknown>;
  issues: FieldIssue[];
}

/** Runs a changed mapping on recently fetched records, next to the saved one, before anything is saved. */
export async function previewMapping(deps: { integrations: IntegrationStore; samples: Samples }, integrationId: number, flowId: string, overrides: unknown): Promise<PreviewRow[]> {
  const integration = await deps.integrations.resolve(integrationId);
  const flow = integration.connector.flows.find((f: { id: string }) => f.id === flowId);
  if (!flow || flow.kind !== 'import') throw configError(`${flowId} has no mapping to preview`);
  const proposed = applyOverrides(flow.mapping, overrides);
  if (!proposed.ok) throw recordError(`mapping of ${flowId}`, proposed.error);
  const current = applyOverrides(flow.mapping, integration.mappingOverrides[flow.id] ?? []);
  if (!current.ok) throw recordError(`mapping of ${flowId}`, current.error);
  const schema = targets[importTargets[flow.id]].schema;

  const samples = await deps.samples.list(integrationId, flowId);
  return samples.map((sample) => {
    const context = { record: sample.record, settings: integration.resolved };
    const before = applyMapping(current.value, sample.source, context);
    const after = applyMapping(proposed.value, sample.source, context);
    const issues = after.ok ? (() => {
      const parsed = schema.safeParse(after.value);
      return parsed.success ? [] : toFieldIssues(sample.record, after.value, parsed.error.issues);
    })() : after.error;
    return {
      record: sample.record,
      externalId: sample.externalId,
      ...(before.ok ? { current: before.value } : {}),
      ...(after.ok ? { proposed: after.value } : {}),
      issues,
    };
  });
}
