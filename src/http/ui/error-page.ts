import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isWmsyncError } from '../../kernel/errors.js';
import type { ErrorKind } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { notice } from './fragments.js';
import { layout } from './layout.js';

const byKind: Record<ErrorKind, { status: ContentfulStatusCode; title: string }> = {
  'not-found': { status: 404, title: 'Not found' },
  forbidden: { status: 403, title: 'Not allowed' },
  unauthorized: { status: 401, title: 'Sign in first' },
  conflict: { status: 409, title: 'Not possible now' },
  record: { status: 422, title: 'Not accepted' },
  config: { status: 400, title: 'Not accepted' },
  transient: { status: 503, title: 'Try again shortly' },
  system: { status: 500, title: 'Something went wrong' },
};

/**
 * Errors on UI routes as pages in the frame, not the API's JSON. Another goods owner's data is a
 * plain "Not found" (requireOwner says so), so a page tells nothing about what it refused.
 */
export function errorPage(logger: Logger) {
  return (e: Error, c: Context) => {
    const known = isWmsyncError(e) ? e : undefined;
    const { status, title } = byKind[known?.kind ?? 'system'];
    if (!known || known.kind === 'system') logger.error({ err: e }, 'page failed');
    const message = known && known.kind !== 'system' ? known.message : 'An internal error happened; the server log has the details.';
    return layout(
      c,
      { title },
      html`<h1>${title}</h1>
        ${notice('error', message, known?.details ?? [])}
        <p><a href="/">Back to the integrations</a></p>`,
      status,
    );
  };
}
