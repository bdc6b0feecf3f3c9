import { createHash } from 'node:crypto';
import { WmsyncError, configError } from '../../kernel/errors.js';
import type { AuthRequest, AuthStrategy } from './strategy.js';

/*
 * Specter's request signing (research notes, Specter §1.3): every call carries
 * `key = md5(outer + md5(inner + sbmId + SEED))`, lower-case hex, plain concatenation, where SEED
 * depends on the action. The shape and the seeds below are verified [V]; which credential is the
 * inner and which the outer secret, the character set of the hashed text, and the seeds of the
 * other actions are not, so they are options.
 */

export type Charset = 'latin1' | 'utf8';

/** The request's parameters (query and form body together), decoded as the remote reads them. */
export type SpecterParams = ReadonlyMap<string, string>;

export interface SpecterSigningOptions {
  sbmId: string;
  /** v2: the API user, sent as `apiUserId`; v1 has none. */
  apiUserId?: string;
  /** The inner secret: ApiUserKey (v2) or md5key1 (v1) [V S8, S2]; see `specterSecrets`. */
  innerKey: string;
  /** The outer secret: IntegrationKey (v2) or md5key2 (v1). */
  outerKey: string;
  /**
   * Seeds for actions the verified table does not know (the "V3" order, purchase and delivery
   * calls are guesses [G]), by action name in lower case; they win over the verified table.
   */
  seeds?: Record<string, (params: SpecterParams) => string | undefined>;
  /** The bytes hashed, and how the form body's percent-escapes are read: Latin-1 as the PHP clients send [I]. */
  charset?: Charset;
}

/** The seeds public clients use [V S2–S8], by action name in lower case. */
const verifiedSeeds: Record<string, (params: SpecterParams) => string | undefined> = {
  newordersubmit: (p) => p.get('customerId'),
  newarticlesubmit: (p) => p.get('articleNo_1'),
  newcustomersubmit: (p) =>
    p.get('customerOrganizationalForm') === 'P' ? [p.get('firstName'), p.get('surName')].filter(Boolean).join(' ') : p.get('name'),
};
/** The NeedUpdate batches and their acknowledgements are signed with the caller's batch number [V S2, S4, S5]. */
const isBatchAction = (action: string) => /^get\w*externalneedupdate$|^update\w*frombatch$/.test(action);

export const specterKey = (innerKey: string, outerKey: string, sbmId: string, seed: string, charset: Charset = 'latin1'): string => {
  const md5 = (text: string) => createHash('md5').update(text, charset).digest('hex');
  return md5(outerKey + md5(innerKey + sbmId + seed));
};

/**
 * Which credential is which secret [G]: the inner is ApiUserKey when there is one, else md5key1; the
 * outer is IntegrationKey when there is one, else md5key2.
 */
export function specterSecrets(c: { apiUserKey?: string; integrationKey?: string; md5key1?: string; md5key2?: string }): { innerKey: string; outerKey: string } {
  const innerKey = c.apiUserKey || c.md5key1;
  const outerKey = c.integrationKey || c.md5key2;
  if (!innerKey || !outerKey) throw configError('Specter needs ApiUserKey (or md5key1) and IntegrationKey (or md5key2) to sign requests');
  return { innerKey, outerKey };
}

/** Percent-decoding in the given charset: URLSearchParams would read Latin-1 escapes as broken UTF-8. */
function decodeComponent(text: string, charset: Charset): string {
  const binary = text.replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(binary, 'latin1').toString(charset);
}

/** Query and form body together, with the names as sent; the action name is matched without case (`Action`/`action`). */
export function specterParams(request: AuthRequest, charset: Charset = 'latin1'): SpecterParams {
  const params = new Map<string, string>();
  const add = (encoded: string) => {
    for (const pair of encoded.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      params.set(decodeComponent(name, charset), decodeComponent(value, charset));
    }
  };
  add(request.url.search.replace(/^\?/, ''));
  if (request.body !== undefined) add(request.body);
  return params;
}

/**
 * Adds `sbmId`, `apiUserId` and `key` to the query of every request (S8 sends them in the query;
 * for a form POST the notes put sbmId and apiUserId there too, the key's place is inferred [I]). Signing an action whose seed
 * is not known, or whose seed parameter is missing, is refused: an unsigned call would only come
 * back as Specter's error envelope.
 */
export function specterSigning(options: SpecterSigningOptions): AuthStrategy {
  const charset = options.charset ?? 'latin1';
  const seeds = { ...verifiedSeeds, ...options.seeds };
  return {
    headers: () => ({}),
    query(request) {
      const params = specterParams(request, charset);
      const action = [...params].find(([name]) => name.toLowerCase() === 'action')?.[1].toLowerCase();
      if (!action) throw new WmsyncError('system', `Specter ${request.url.pathname}: a request without an action cannot be signed`);
      const seedOf = seeds[action] ?? (isBatchAction(action) ? (p: SpecterParams) => p.get('batchNo') : undefined);
      if (!seedOf) throw new WmsyncError('system', `Specter action ${action}: its signing seed is not known; give it in the seeds option`);
      const seed = seedOf(params);
      if (seed === undefined || seed === '') throw new WmsyncError('system', `Specter action ${action}: the parameter its key is signed with is missing`);
      return {
        sbmId: options.sbmId,
        ...(options.apiUserId ? { apiUserId: options.apiUserId } : {}),
        key: specterKey(options.innerKey, options.outerKey, options.sbmId, seed, charset),
      };
    },
  };
}
