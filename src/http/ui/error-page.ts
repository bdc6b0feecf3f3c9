import type { Context } from 'hono';
import { html } from 'hono/html';
import { isWmsyncError } from '../../kernel/errors.js';
import type { ErrorKind } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { statusOf } from '../errors.js';
import { notice } from './fragments.js';
import { layout } from './layout.js';

const titles: Record<ErrorKind, string> = {
  'not-found': 'Not found',
  forbidden: 'Not allowed',
  unauthorized: 'Sign in first',
  conflict: 'Not possible now',
  record: 'Not accepted',
  config: 'Not accepted',
  transient: 'Try again shortly',
  system: 'Something went wrong',
};

/**
 * Errors on UI routes as pages in the frame, not the API's JSON. Another goods owner's data is a
 * plain "Not found" (requireOwner says so), so a page tells nothing about what it refused.
 */
export function errorPage(logger: Logger) {
  return (e: Error, c: Context) => {
    const known = isWmsyncError(e) ? e : undefined;
    const kind = known?.kind ?? 'system';
    const status = statusOf(kind);
    const title = titles[kind];
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
