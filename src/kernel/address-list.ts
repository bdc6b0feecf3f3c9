import { BlockList, isIP } from 'node:net';
import { configError } from './errors.js';

/** A set of addresses from configuration: `*`, addresses and CIDR ranges (`127.0.0.1`, `10.1.0.0/16`, `::1`). */
export interface AddressList {
  has(address: string): boolean;
}

export const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Parses the entries of the setting `name`, naming it and the entry when one is not an address. */
export function parseAddressList(entries: string[], name: string): AddressList {
  const list = new BlockList();
  let all = false;
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    if (entry === '*') {
      all = true;
      continue;
    }
    const [address = '', prefix] = entry.split('/');
    if (!isIP(address)) throw configError(`${name}: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, Number(prefix), familyOf(address));
  }
  return { has: (address) => all || (isIP(address) !== 0 && list.check(address, familyOf(address))) };
}
