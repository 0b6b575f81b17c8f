import { describe, expect, it } from 'vitest';
import { headersOf, parseContentRange, planResponse } from '../../../electron/core/library/http-range.js';
import { formatBytes, parseRetryAfter } from '../../../electron/core/library/download-errors.js';

const h = (o: Record<string, string>): Headers => new Headers(o);

describe('parseContentRange', () => {
  it('reads start, end and total', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: undefined });
  });
  it('rejects nonsense', () => {
    for (const v of [null, '', 'bytes */1000', 'bytes 10-5/100', 'bytes 0-100/100', 'items 0-1/2']) {
      expect(parseContentRange(v)).toBeUndefined();
    }
  });
});

describe('planResponse', () => {
  it('200 writes from 0 with Content-Length as the expected size', () => {
    expect(planResponse(200, h({ 'content-length': '500' }), 100)).toEqual({
      kind: 'write', append: false, start: 0, expectedTotal: 500,
    });
  });
  it('does not trust Content-Length under a content coding', () => {
    expect(planResponse(200, h({ 'content-length': '500', 'content-encoding': 'gzip' }), 0)).toMatchObject({
      expectedTotal: undefined,
    });
  });
  it('206 appends when the range starts at the part size', () => {
    expect(planResponse(206, h({ 'content-range': 'bytes 100-999/1000' }), 100)).toEqual({
      kind: 'write', append: true, start: 100, expectedTotal: 1000,
    });
    expect(planResponse(206, h({ 'content-range': 'bytes 100-999/*', 'content-length': '900' }), 100)).toMatchObject({
      expectedTotal: 1000,
    });
  });
  it('206 at another offset restarts', () => {
    expect(planResponse(206, h({ 'content-range': 'bytes 0-999/1000' }), 100)).toEqual({ kind: 'restart' });
    expect(planResponse(206, h({}), 100)).toEqual({ kind: 'restart' });
  });
  it('416 completes a full part, restarts otherwise', () => {
    expect(planResponse(416, h({ 'content-range': 'bytes */1000' }), 1000)).toEqual({ kind: 'complete', total: 1000 });
    expect(planResponse(416, h({ 'content-range': 'bytes */1000' }), 1200)).toEqual({ kind: 'restart' });
    expect(planResponse(416, h({}), 0)).toEqual({ kind: 'fail' });
  });
  it('other statuses fail', () => {
    expect(planResponse(403, h({}), 0)).toEqual({ kind: 'fail' });
  });
});

describe('headersOf', () => {
  it('keeps what the planner and the failures read, and nothing a host sends that WHATWG Headers would refuse', () => {
    const headers = headersOf({
      'content-length': '500',
      'content-range': 'bytes 0-499/500',
      'retry-after': 'soon\0',
      'set-cookie': ['a=1'],
      'x-amz-request-id': 'abc',
    });
    expect([...headers.entries()]).toEqual([
      ['content-length', '500'],
      ['content-range', 'bytes 0-499/500'],
    ]);
    expect(planResponse(200, headers, 0)).toMatchObject({ expectedTotal: 500 });
  });
});

describe('messages', () => {
  it('formats sizes for people', () => {
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_200_000)).toBe('1.2 MB');
    expect(formatBytes(8_400_000_000)).toBe('8.4 GB');
  });
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
