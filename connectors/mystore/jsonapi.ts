import type { Resource } from './api.js';
import { resourceSchema } from './api.js';

/**
 * Flattens a JSON:API resource into the object the mappings read: its id, its attributes, and each
 * relationship under its own name (`order-products`), replaced by the included resource (itself
 * flattened) when the document carries it, else left as the bare `{type, id}`. A resource met
 * again below itself stays a bare identifier, so a cycle in `included` cannot recurse forever.
 */
export function flatten(raw: unknown, included: readonly unknown[]): Record<string, unknown> | undefined {
  const index = new Map<string, Resource>();
  for (const item of included) {
    const parsed = resourceSchema.safeParse(item);
    if (parsed.success) index.set(`${parsed.data.type}/${parsed.data.id}`, parsed.data);
  }
  const parsed = resourceSchema.safeParse(raw);
  return parsed.success ? flattenResource(parsed.data, index, new Set()) : undefined;
}

function flattenResource(resource: Resource, index: ReadonlyMap<string, Resource>, above: ReadonlySet<string>): Record<string, unknown> {
  const key = `${resource.type}/${resource.id}`;
  const path = new Set([...above, key]);
  const related = (identifier: { type: string; id: string }) => {
    const found = index.get(`${identifier.type}/${identifier.id}`);
    return found && !path.has(`${found.type}/${found.id}`) ? flattenResource(found, index, path) : { type: identifier.type, id: identifier.id };
  };
  const out: Record<string, unknown> = { ...resource.attributes, id: resource.id };
  for (const [name, relationship] of Object.entries(resource.relationships ?? {})) {
    const data = relationship.data;
    if (data === undefined) continue;
    out[name] = data === null ? null : Array.isArray(data) ? data.map(related) : related(data);
  }
  return out;
}
