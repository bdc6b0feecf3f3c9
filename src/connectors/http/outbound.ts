import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { familyOf, parseAddressList } from '../../kernel/address-list.js';
import { WmsyncError, configError } from '../../kernel/errors.js';

/**
 * Where integrations may connect. An integration's address is data a user typed, so without a
 * rule the hub would call its own database, Redis, admin API or cloud metadata service for them
 * (server-side request forgery). Private, loopback, link-local and other non-public ranges are
 * refused unless the hub's administrator allows them (`WMSYNC_ALLOW_PRIVATE_TARGETS`); the
 * sandboxes the hub serves itself stay reachable (ADR 0008).
 */
export interface OutboundPolicy {
  /** Refuses an address whose host is a refused IP (or `localhost`) before anything is stored or sent. */
  checkUrl(url: string, what?: string): void;
  /** `fetch` that applies the rule to every request and again to each name as it resolves at connect time. */
  fetch: typeof fetch;
}

const nonPublic: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 127, 'ipv6'],
  ['::ffff:0:0', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

// One list per family: a BlockList matches IPv4 addresses against an IPv6 rule for the mapped
// range (::ffff:0:0/96), which would refuse every IPv4 address.
const refusedRanges = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [network, prefix, type] of nonPublic) refusedRanges[type].addSubnet(network, prefix, type);

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

export function createOutboundPolicy(options: {
  /** The administrator's exceptions: `*`, addresses or CIDR ranges. */
  allowPrivate: string[];
  /** Address prefixes always allowed: the sandboxes the hub serves (`HUB/sandbox/`). */
  trustedPrefixes: () => string[];
  lookup?: typeof dnsLookup;
}): OutboundPolicy {
  const allowed = parseAddressList(options.allowPrivate, 'WMSYNC_ALLOW_PRIVATE_TARGETS');
  const lookup = options.lookup ?? dnsLookup;
  const refuses = (address: string) => refusedRanges[familyOf(address)].check(address, familyOf(address)) && !allowed.has(address);
  const refusal = (what: string, host: string, address: string) =>
    configError(`${what} ${host} is a private, loopback or link-local address (${address}); the hub does not call those unless its administrator allows them with WMSYNC_ALLOW_PRIVATE_TARGETS`);
  const trusted = (url: URL) => options.trustedPrefixes().some((prefix) => url.href.startsWith(prefix));

  function checkUrl(raw: string, what = 'the address'): void {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw configError(`${what} is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw configError(`${what} must be an http or https URL`);
    if (trusted(url)) return;
    const host = bare(url.hostname);
    const address = isIP(host) ? host : /(^|\.)localhost$/i.test(host) ? '127.0.0.1' : undefined;
    if (address && refuses(address)) throw refusal(what, host, address);
  }

  // A name is checked as it resolves, on the connection itself: a name that answers with a public
  // address to a first look and a private one to the next (DNS rebinding) cannot get through.
  const guardedLookup = (hostname: string, lookupOptions: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    lookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => refuses(a.address));
      if (bad) return callback(Object.assign(refusal('the address', hostname, bad.address), { code: 'EWMSYNC_REFUSED' }), []);
      if (lookupOptions.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const guarded = new Agent({ connect: { lookup: guardedLookup as never } });
  const open = new Agent();

  // Callers pass a URL and init (the HTTP kit, oauth4webapi); a Request object's body would not survive the hop to undici.
  const guardedFetch = (async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    checkUrl(url.href);
    try {
      return (await undiciFetch(url, { ...(init as object), dispatcher: trusted(url) ? open : guarded })) as unknown as Response;
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      throw cause instanceof WmsyncError ? cause : e;
    }
  }) as typeof fetch;

  return { checkUrl, fetch: guardedFetch };
}
