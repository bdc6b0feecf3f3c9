import { applyOverrides, describeMapping } from '../mapping/index.js';
import type { MappingOverride } from '../mapping/index.js';
import { configError } from '../kernel/errors.js';
import type { Connector } from './sdk/connector.js';
import type { FlowId } from './sdk/flows.js';

export interface ConnectorDescription {
  system: string;
  displayName: string;
  auth: string;
  flows: {
    flow: FlowId;
    description: string;
    enabledByDefault: boolean;
    enabled?: boolean;
    /** `from` reads like the seed table's right column: where the value comes from, or for reports where it goes. */
    mapping: { wms: string; from: string; overridden?: true }[];
  }[];
  settings: { key: string; label: string; default: unknown; secret: boolean; required: boolean; doc: string }[];
}

/**
 * What a connector does, from the very definitions the engine runs: one source of truth for the
 * CLI, the API and the UI. With an integration's overrides, the rows it will really use.
 */
export function describeConnector(
  connector: Connector<any>,
  integration?: { flows: { flow: FlowId; enabled: boolean }[]; mappingOverrides: Partial<Record<FlowId, MappingOverride[]>> },
): ConnectorDescription {
  return {
    system: connector.id,
    displayName: connector.displayName,
    auth: connector.auth,
    flows: connector.flows.map((flow) => {
      let mapping: ConnectorDescription['flows'][number]['mapping'];
      if (flow.kind === 'import') {
        const applied = applyOverrides(flow.mapping, integration?.mappingOverrides[flow.id] ?? []);
        if (!applied.ok) throw configError(`stored mapping overrides of ${flow.id} are invalid`, applied.error);
        mapping = describeMapping(applied.value).map((r) => ({ wms: r.wms, from: r.from, ...(r.overridden ? { overridden: true as const } : {}) }));
      } else {
        mapping = flow.mapping.map((r) => ({ wms: r.wms, from: r.to }));
      }
      const enabled = integration?.flows.find((f) => f.flow === flow.id)?.enabled;
      return { flow: flow.id, description: flow.description, enabledByDefault: flow.enabledByDefault, ...(enabled === undefined ? {} : { enabled }), mapping };
    }),
    settings: connector.settings.map((s) => ({
      key: s.key,
      label: s.label,
      // The interval's default is the connector's own (15 minutes for the seed systems).
      default: s.key === 'intervalMinutes' ? connector.defaultIntervalMinutes : (s.default ?? null),
      secret: 'secret' in s && s.secret === true,
      required: 'required' in s && s.required === true,
      doc: s.doc,
    })),
  };
}
