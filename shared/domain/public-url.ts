import { errorMessage, type ErrorMessage } from '../error-messages.js';

/**
 * Is this URL something the provider may be asked to fetch? A frame URL is
 * sent as is to a paid endpoint: a loopback, private or metadata address can
 * only fail there (after the request is paid for) or, worse, point the
 * provider's fetcher at a network it should never see; credentials in it would
 * leave the machine. The checks run on the WHATWG-parsed URL, so numeric host
 * spellings (`2130706433`, `0x7f.1`, `127.1`) are judged in the dotted form
 * they normalise to. Hostnames are judged by name only (no DNS look-up): a
 * public name that resolves to a private address is the provider's concern.
 */

export const FRAME_URL_MAX_CHARS = 4096;

/** [network, prefix length, why it is not public]. */
type Cidr4 = readonly [string, number, string];

const NON_PUBLIC_V4: readonly Cidr4[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** Local-only name suffixes; a host is refused when it is one of these or ends in `.<suffix>`. */
const LOCAL_NAME_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'home.arpa'] as const;

/** The 32-bit value of a dotted-decimal IPv4 address, or undefined when `s` is not one. */
export function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** The eight 16-bit groups of an IPv6 address (no brackets, no zone), or undefined. */
export function parseIpv6(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (text: string): number[] | undefined => {
    if (text === '') return [];
    const out: number[] = [];
    const pieces = text.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65_536), v4 % 65_536);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Why an IPv4 address is not publicly routable, or undefined when it is. */
export function ipv4NonPublicReason(address: number): string | undefined {
  if (address === 0xffffffff) return 'broadcast';
  for (const [net, bits, why] of NON_PUBLIC_V4) {
    const base = parseIpv4(net) ?? 0;
    const size = 2 ** (32 - bits);
    if (address >= base && address < base + size) return why;
  }
  return undefined;
}

const v4From = (hi: number, lo: number) => hi * 65_536 + lo;

/** Why an IPv6 address (eight groups) is not publicly routable, or undefined when it is. */
export function ipv6NonPublicReason(g: readonly number[]): string | undefined {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h = 0, i = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // Addresses that carry an IPv4 address are judged by it.
  if (zeroUpTo(5) && f === 0xffff) return ipv4NonPublicReason(v4From(h, i)); // ::ffff:a.b.c.d (mapped)
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return ipv4NonPublicReason(v4From(h, i)); // NAT64
  if (a === 0x2002) return ipv4NonPublicReason(v4From(b, c)); // 6to4
  if (zeroUpTo(7) && i === 0) return 'unspecified';
  if (zeroUpTo(7) && i === 1) return 'loopback';
  // Global unicast is 2000::/3; everything else (fc00::/7 private, fe80::/10 link-local,
  // ff00::/8 multicast, IPv4-compatible ::/96, discard 100::/64…) is not reachable publicly.
  if ((a & 0xe000) !== 0x2000) {
    if ((a & 0xfe00) === 0xfc00) return 'private';
    if ((a & 0xffc0) === 0xfe80) return 'link-local';
    if ((a & 0xff00) === 0xff00) return 'multicast';
    return 'reserved';
  }
  if (a === 0x2001 && b === 0x0db8) return 'documentation';
  if (a === 0x3fff && (b & 0xf000) === 0) return 'documentation'; // 3fff::/20
  if (a === 0x2001 && b < 0x0200) return 'reserved'; // 2001::/23 protocol assignments (Teredo, benchmarking…)
  return undefined;
}

/**
 * Why a WHATWG-parsed hostname is not a public host, or undefined when it is.
 * IPv6 hosts come bracketed (`[::1]`); IPv4 ones already in dotted decimal.
 */
export function hostNonPublicReason(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = parseIpv6(host.slice(1, -1));
    return groups ? ipv6NonPublicReason(groups) : 'not a valid address';
  }
  const v4 = parseIpv4(host);
  if (v4 !== undefined) return ipv4NonPublicReason(v4);
  if (host === '') return 'empty';
  if (LOCAL_NAME_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`))) return 'local-only name';
  if (!host.includes('.')) return 'single-label name';
  return undefined;
}

/**
 * Why `raw` may not be sent to the provider as a frame URL, as a catalog
 * message, or undefined when it is a public https address.
 */
export function publicHttpsUrlIssue(raw: string): ErrorMessage | undefined {
  if (raw.length > FRAME_URL_MAX_CHARS) return errorMessage('frame_url.too_long', { max: FRAME_URL_MAX_CHARS });
  // WHATWG parsing silently drops tabs and newlines and reads `\` as `/`; another parser on
  // the way to the provider may not, so what is checked and what is fetched could differ.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw)) return errorMessage('frame_url.bad_characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return errorMessage('frame_url.not_url');
  }
  if (url.protocol !== 'https:') return errorMessage('frame_url.not_https');
  if (url.username !== '' || url.password !== '') return errorMessage('frame_url.credentials');
  const why = hostNonPublicReason(url.hostname);
  if (why !== undefined) return errorMessage('frame_url.not_public', { host: url.hostname, why });
  return undefined;
}

/** publicHttpsUrlIssue's English words, for a person reading a log or the CLI. */
export function publicHttpsUrlProblem(raw: string): string | undefined {
  return publicHttpsUrlIssue(raw)?.message;
}
