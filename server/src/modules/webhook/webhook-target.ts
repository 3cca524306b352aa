import { BlockList, isIP } from 'node:net';
import type { LocalizedMessage } from '../../common/errors/domain-error.js';

/** Where deliveries may go: https only in production; private networks only where the deployment allows them. */
export interface WebhookTargetPolicy {
  /** https only; outside production, http is allowed to this computer's own (loopback) address. */
  production: boolean;
  /** Whether URLs may point at (or resolve to) loopback, private, link-local and other non-public addresses. */
  allowPrivateNetworks: boolean;
}

/** What an API process without a policy assumes: the strictest. */
export const STRICT_TARGETS: WebhookTargetPolicy = { production: true, allowPrivateNetworks: false };

export const defaultTargets = (production: boolean): WebhookTargetPolicy => ({
  production,
  allowPrivateNetworks: !production,
});

/**
 * Addresses that are not on the public internet (RFC 6890 special-purpose blocks, loopback, multicast). BlockList
 * checks IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 rules itself.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const unbracket = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Whether an IP address is outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  return isIP(address) !== 0 && NON_PUBLIC.check(address, family(address));
}

/** `localhost` (and its subdomains) or a loopback address. */
export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && LOOPBACK.check(host, family(host));
}

/** Why a host (a name or an address literal) may not be connected to before resolving it, or null. */
export function refusedHost(hostname: string, policy: WebhookTargetPolicy): LocalizedMessage | null {
  if (policy.allowPrivateNetworks) return null;
  const host = unbracket(hostname);
  if (isLoopbackHost(host) || isNonPublicAddress(host)) {
    return {
      ru: 'Адрес ведёт в локальную или частную сеть: нужен адрес в интернете',
      en: 'The address points at a local or private network: use an address on the internet',
    };
  }
  return null;
}
