import { BlockList, isIP } from 'node:net';

/**
 * Without a MicrosoftAppId nothing authenticates a caller of /api/messages, and the bot posts its reply to
 * whatever `serviceUrl` the activity names. Such a bot may only talk to this machine: the caller must be a
 * loopback peer and every serviceUrl it posts to must be a loopback address (Microsoft's Agents Playground runs
 * on the same machine and uses http://127.0.0.1:<port>). Anything else would let anyone on the office network
 * drive the bot and make it post wherever they like.
 */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8, ::1 and IPv4-mapped ::ffff:127.x.x.x, in any of their spellings. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  // BlockList also matches an IPv4-mapped IPv6 address against the IPv4 subnet.
  return LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** http(s) to 127.x, localhost or [::1]; no other host, no other scheme. */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // URL has already normalised the host: 127.1 and 0x7f000001 read as 127.0.0.1, IPv6 comes in brackets.
  const host = url.hostname.toLowerCase();
  if (host === 'localhost') return true;
  return isLoopbackAddress(host.startsWith('[') ? host.slice(1, -1) : host);
}

/** The reply would leave this machine while nothing authenticates the bot: nothing was sent. */
export class ServiceUrlRefusedError extends Error {
  override readonly name = 'ServiceUrlRefusedError';
  constructor(readonly host: string) {
    super(`Teams: no MicrosoftAppId, so replies go only to this machine; refused serviceUrl host ${host}`);
  }
}

/** The host of a serviceUrl for a log line (never the whole URL: it is part of what the caller sent). */
export function hostOf(serviceUrl: unknown): string {
  if (typeof serviceUrl !== 'string') return '(none)';
  try {
    return new URL(serviceUrl).host;
  } catch {
    return '(invalid)';
  }
}

/** Throws unless a bot without an app id may post to this serviceUrl. */
export function assertMaySendTo(authEnabled: boolean, serviceUrl: unknown): void {
  if (!authEnabled && !isLoopbackServiceUrl(serviceUrl)) throw new ServiceUrlRefusedError(hostOf(serviceUrl));
}
