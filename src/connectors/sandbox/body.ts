import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/**
 * Reads a control API body: empty is `{}` (so `POST /_sandbox/tokens/expire` needs none), text
 * that is not JSON is a 400, and a value the schema refuses is `invalidStatus` (the status the
 * system itself answers, 400 or 422) naming the fields, the first one as `field`.
 */
export async function readControlBody<S extends z.ZodType>(c: Context, schema: S, invalidStatus = 400): Promise<z.output<S>> {
  const text = await c.req.text();
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'The body must be JSON');
    }
  }
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw new ApiError(invalidStatus, issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), issues[0]?.path.join('.') || undefined);
}
