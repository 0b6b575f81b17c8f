import { describe, expect, it } from 'vitest';
import {
  hostNonPublicReason,
  parseIpv4,
  parseIpv6,
  publicHttpsUrlProblem,
} from '../../../shared/domain/public-url.js';

describe('parseIpv4 / parseIpv6', () => {
  it.each([
    ['0.0.0.0', 0],
    ['127.0.0.1', 0x7f000001],
    ['255.255.255.255', 0xffffffff],
  ])('reads %s', (s, n) => expect(parseIpv4(s)).toBe(n));

  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '1..3.4', 'a.b.c.d', '1.2.3.-4', '1234.1.1.1'])('refuses %s as IPv4', (s) => {
    expect(parseIpv4(s)).toBeUndefined();
  });

  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['fe80::1:2', [0xfe80, 0, 0, 0, 0, 0, 1, 2]],
    ['2001:db8:0:0:0:0:0:ff', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xff]],
    ['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
  ])('reads %s', (s, groups) => expect(parseIpv6(s)).toEqual(groups));

  it.each(['1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8::', '::ffff:1.2.3', ':1'])('refuses %s as IPv6', (s) => {
    expect(parseIpv6(s)).toBeUndefined();
  });
});

describe('hostNonPublicReason: which hosts the provider may be sent to', () => {
  it.each([
    // IPv4 special-purpose ranges
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.254', 'shared (carrier-grade NAT)'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6
    ['[::]', 'unspecified'],
    ['[::1]', 'loopback'],
    ['[fc00::1]', 'private'],
    ['[fd12:3456::1]', 'private'],
    ['[fe80::1]', 'link-local'],
    ['[febf::1]', 'link-local'],
    ['[ff02::1]', 'multicast'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['[::ffff:a9fe:a9fe]', 'link-local'],
    ['[::ffff:c0a8:101]', 'private'],
    ['[::ffff:0:0]', 'unspecified'],
    ['[64:ff9b::a00:1]', 'private'],
    ['[2002:7f00:1::]', 'loopback'],
    ['[2001:db8::1]', 'documentation'],
    ['[3fff::1]', 'documentation'],
    ['[2001::1]', 'reserved'],
    ['[100::1]', 'reserved'],
    ['[::7f00:1]', 'reserved'],
    ['[1:2:3]', 'not a valid address'],
    // names
    ['localhost', 'local-only name'],
    ['LOCALHOST.', 'local-only name'],
    ['api.localhost', 'local-only name'],
    ['printer.local', 'local-only name'],
    ['metadata.google.internal', 'local-only name'],
    ['nas.lan', 'local-only name'],
    ['router.home.arpa', 'local-only name'],
    ['intranet', 'single-label name'],
    ['', 'empty'],
  ])('%s is not public (%s)', (host, why) => {
    expect(hostNonPublicReason(host)).toBe(why);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '[2606:4700:4700::1111]',
    '[2a00:1450:4001:80b::200e]',
    '[2001:4860:4860::8888]',
    '[::ffff:808:808]',
    '[2002:808:808::1]',
    'cdn.example.com',
    'upload.apimart.ai',
    'xn--bcher-kva.example',
    'localhost.example.com',
    'local.example.org',
    'example.com.',
  ])('%s is public', (host) => {
    expect(hostNonPublicReason(host)).toBeUndefined();
  });
});

describe('publicHttpsUrlProblem: judged on the parsed URL', () => {
  it.each([
    'https://cdn.example.com/frames/a.png',
    'https://cdn.example.com:8443/a.png?sig=abc#x',
    'https://8.8.8.8/a.png',
    'https://[2606:4700:4700::1111]/a.png',
    'HTTPS://CDN.EXAMPLE.COM/A.PNG',
  ])('accepts %s', (url) => {
    expect(publicHttpsUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://cdn.example.com/a.png', /https:\/\//],
    ['ftp://cdn.example.com/a.png', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['data:image/png;base64,AAAA', /https:\/\//],
    ['not a url', /spaces/],
    ['/local/a.png', /public https:\/\/ address/],
    ['https://user:secret@cdn.example.com/a.png', /user name or password/],
    ['https://user@cdn.example.com/a.png', /user name or password/],
    ['https://:secret@cdn.example.com/a.png', /user name or password/],
    ['https://127.0.0.1/a.png', /127\.0\.0\.1 is not \(loopback\)/],
    ['https://localhost/a.png', /localhost is not \(local-only name\)/],
    ['https://localhost./a.png', /local-only name/],
    ['https://[::1]/a.png', /\[::1\] is not \(loopback\)/],
    ['https://[::ffff:127.0.0.1]/a.png', /loopback/],
    ['https://[::ffff:10.1.2.3]/a.png', /private/],
    ['https://10.0.0.5/a.png', /private/],
    ['https://172.20.1.1/a.png', /private/],
    ['https://192.168.0.10/a.png', /private/],
    ['https://100.64.1.1/a.png', /carrier-grade NAT/],
    ['https://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://[fe80::1]/a.png', /link-local/],
    ['https://[fd00::1]/a.png', /private/],
    ['https://224.0.0.251/a.png', /multicast/],
    ['https://255.255.255.255/a.png', /broadcast/],
    ['https://0.0.0.0/a.png', /unspecified/],
    // Numeric spellings WHATWG normalises to 127.0.0.1.
    ['https://2130706433/a.png', /127\.0\.0\.1 is not \(loopback\)/],
    ['https://0x7f.1/a.png', /127\.0\.0\.1 is not \(loopback\)/],
    ['https://127.1/a.png', /127\.0\.0\.1 is not \(loopback\)/],
    ['https://0177.0.0.1/a.png', /127\.0\.0\.1 is not \(loopback\)/],
    ['https://0xa9fea9fe/a.png', /169\.254\.169\.254 is not \(link-local\)/],
    ['https://printer.local/a.png', /local-only name/],
    ['https://metadata.google.internal/a.png', /local-only name/],
    ['https://nas.lan/a.png', /local-only name/],
    ['https://box.home.arpa/a.png', /local-only name/],
    ['https://intranet/a.png', /single-label name/],
    ['https://cdn.example.com\\@127.0.0.1/a.png', /backslashes/],
    ['https://cdn.exa\nmple.com/a.png', /control characters/],
    [`https://cdn.example.com/${'a'.repeat(5000)}`, /too long/],
  ])('refuses %s', (url, why) => {
    expect(publicHttpsUrlProblem(url)).toMatch(why);
  });
});
