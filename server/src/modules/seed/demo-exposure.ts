import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DEFAULT_DEMO_PASSWORD } from '../../base/config';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** Whether only this machine can reach an app listening on `host`, an address or a name. */
export async function isLoopbackHost(host: string): Promise<boolean> {
  const address = host.replace(/^\[(.*)\]$/, '$1');
  if (address.toLowerCase() === 'localhost') return true;
  if (isIP(address) !== 0) return isLoopbackAddress(address);
  // A name such as the machine's own often maps to a loopback address (Debian: 127.0.1.1).
  const resolved = await lookup(address, { all: true }).catch(() => []);
  return resolved.length > 0 && resolved.every((entry) => isLoopbackAddress(entry.address));
}

function isLoopbackAddress(address: string): boolean {
  return loopback.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Said at start when the demo commissioner still has the password the README
 * publishes and other machines can reach the app: anyone could sign in and run
 * the demo workspace, and any workspace that account is later invited to.
 */
export function publishedDemoPasswordWarning(host: string, commissionerEmail: string): string {
  return (
    `The demo account ${commissionerEmail} (a commissioner) still has the published password ` +
    `"${DEFAULT_DEMO_PASSWORD}" and the app listens on ${host}, so anyone who can reach it ` +
    `can sign in as that commissioner. Listen on 127.0.0.1 (HOST), or start with ` +
    `SEED_DEMO=false on a fresh database, or set DEMO_PASSWORD before the first start.`
  );
}

/**
 * Why the app will not start: asked to create the demo accounts with the password the
 * README publishes, on an address other machines reach. Says what to set instead.
 */
export function publishedDemoPasswordRefusal(host: string): string {
  return (
    `SEED_DEMO is on and the app would listen on ${host}, which other machines can reach, ` +
    `but the demo accounts would get the published password "${DEFAULT_DEMO_PASSWORD}". ` +
    `Set DEMO_PASSWORD to a password of your own, or SEED_DEMO=false (the first start then ` +
    `prints a set-up code), or HOST=127.0.0.1 to keep the app on this machine.`
  );
}
