import type { Connector } from './sdk/connector.js';
import { configError } from '../kernel/errors.js';

/** The connectors this build knows, by system id. */
export interface ConnectorRegistry {
  list(): Connector<any>[];
  get(system: string): Connector<any>;
}

export function createRegistry(connectors: Connector<any>[]): ConnectorRegistry {
  const byId = new Map(connectors.map((c) => [c.id, c]));
  return {
    list: () => [...byId.values()],
    get(system) {
      const c = byId.get(system);
      if (!c) throw configError(`unknown system "${system}"; known: ${[...byId.keys()].join(', ')}`);
      return c;
    },
  };
}
