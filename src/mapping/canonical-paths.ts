import { z } from 'zod';
import { articleSchema, orderInputSchema, purchaseOrderInputSchema, supplierSchema } from '../domain/index.js';

/** The canonical records a mapping table can build, each with the domain schema that defines it. */
export const targetSchemas = {
  article: articleSchema,
  order: orderInputSchema,
  purchaseOrder: purchaseOrderInputSchema,
  supplier: supplierSchema,
} as const;
export type MappingTarget = keyof typeof targetSchemas;
export const mappingTargets = Object.keys(targetSchemas) as MappingTarget[];

const pathsByTarget = new Map<MappingTarget, readonly string[]>();

/**
 * Every field a mapping row may write for a target, read from the domain schema so that the two
 * never drift apart: `orderInfo.referenceNumber`, and `orderLines[].numberOfItems` for the fields
 * of each item of a list.
 */
export function canonicalPaths(target: MappingTarget): readonly string[] {
  let paths = pathsByTarget.get(target);
  if (paths === undefined) {
    paths = leafPaths(targetSchemas[target], '');
    pathsByTarget.set(target, paths);
  }
  return paths;
}

/** The list fields of a target whose items a line table builds, e.g. `orderLines`. */
export function canonicalLists(target: MappingTarget): readonly string[] {
  const lists = canonicalPaths(target).flatMap((path) => {
    const index = path.indexOf('[].');
    return index === -1 ? [] : [path.slice(0, index)];
  });
  return [...new Set(lists)];
}

function leafPaths(schema: z.ZodType, prefix: string): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
      leafPaths(field, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  if (inner instanceof z.ZodArray) return leafPaths(inner.element as z.ZodType, `${prefix}[]`);
  return [prefix];
}

/** Optional, nullable and defaulted fields are still the field they wrap. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  return schema;
}
