import fc from 'fast-check';

/**
 * Values that are invalid for a given kind of field, whatever else the
 * payload holds. Each generator only yields values the contract must refuse:
 * a "bad" value that happened to be valid would make the fuzz test lie.
 */

export const MB = 1 << 20;
/** 1 MB strings, shared so the runs do not allocate a new one each time. */
export const HUGE = 'A'.repeat(MB);
const HUGE_TRAVERSAL = `../../${'x/'.repeat(MB / 2)}etc/passwd`;
export const hugeString = fc.constantFrom(HUGE, HUGE_TRAVERSAL, `${HUGE}!`, 'é'.repeat(MB));

export const TRAVERSAL = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32\\config\\SAM',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'a/../../b',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'id\u0000.mp4',
  '<script>alert(1)</script>',
] as const;

export const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const smallObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });

/** Neither a string nor an array (for array fields, where a small array of strings may be valid). */
export const scalarOrObject = fc.oneof(fc.integer(), fc.double(), nonFinite, fc.boolean(), fc.constant(null), smallObject);
export const notString = fc.oneof(scalarOrObject, fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));
export const notNumber = fc.oneof(fc.string({ maxLength: 10 }), nonFinite, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), smallObject, fc.constantFrom('8', '0', '1e3'));
export const notBoolean = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), nonFinite, fc.constant(null), smallObject, fc.constantFrom('true', 'false', 0, 1));
/** Anything but a plain object (for a whole payload or an object field). */
export const notObject = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), nonFinite, fc.boolean(), fc.constant(null), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), hugeString);
/** Anything but a plain object, `undefined` included (a missing required object). */
export const notObjectOrMissing = fc.oneof(notObject, fc.constant(undefined));

/** Integers outside [min, max], fractions, non-numbers, NaN/±Infinity, huge magnitudes. */
export function badInt(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    notNumber,
    fc.integer({ min: -(2 ** 31), max: min - 1 }),
    fc.integer({ min: max + 1, max: max + 2 ** 31 }),
    fc.double({ min: min - 10, max: max + 10, noNaN: true }).filter((x) => !Number.isInteger(x)),
    fc.constantFrom(-1e308, 1e308, Number.MAX_SAFE_INTEGER * 4, -Number.MAX_SAFE_INTEGER * 4),
  ).filter((v) => !(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max));
}

export function badEnum(allowed: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(notString, hugeString, fc.string({ maxLength: 20 }).filter((s) => !allowed.includes(s)), fc.constantFrom(...TRAVERSAL));
}

/** Strings over `max` characters (or not strings at all). */
export function badText(max: number, opts: { allowEmpty?: boolean } = {}): fc.Arbitrary<unknown> {
  const empties = opts.allowEmpty ? [] : [fc.constant('')];
  return fc.oneof(notString, hugeString, fc.constant('x'.repeat(max + 1)), ...empties);
}

export const badId = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom('', 'a'.repeat(121), 'has space', 'id\n', 'ünïcode', ...TRAVERSAL),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/^[A-Za-z0-9_-]+$/.test(s)),
);

export const badFrameId = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom('a'.repeat(63), 'a'.repeat(65), 'A'.repeat(64), 'g'.repeat(64), `../${'a'.repeat(61)}`, ...TRAVERSAL),
);

export const badUrl = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom(
    'file:///etc/passwd',
    'FILE:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com/a.png',
    'blob:https://example.com/1',
    'keyframe-media://video/x',
    '../../etc/passwd',
    '//evil.example/a.png',
    'http://',
    '',
    `https://example.com/${'a'.repeat(5000)}`,
  ),
);

/** A frame reference the IPC contract refuses: local paths, bad ids, bad URLs, unknown kinds, extra keys. */
export const badFrameRef = fc.oneof(
  notObject,
  fc.constantFrom(...TRAVERSAL).map((path) => ({ kind: 'file', path })),
  badUrl.map((url) => ({ kind: 'url', url })),
  badFrameId.map((frameId) => ({ kind: 'frame', frameId })),
  fc.constantFrom({ kind: 'frame' }, { kind: 'url' }, { kind: 'other', url: 'https://example.com/a.png' }, { frameId: 'a'.repeat(64) }),
  fc.constant({ kind: 'frame', frameId: 'a'.repeat(64), path: '/etc/passwd' }),
);

/** Keys no schema declares; `__proto__` and friends first. */
export const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', '', ' ', 'x'.repeat(MB)),
  fc.string({ maxLength: 12 }).map((s) => `extra_${s}`),
);
