import { describe, expect, it } from 'vitest';
import { TaskDataSchema, TaskReplySchema } from '../../../electron/core/apimart/schemas.js';
import { normaliseTask } from '../../../electron/core/apimart/task-snapshot.js';

/** The wire data as the client sees it: parsed by the reply schema first, then normalised. */
const snap = (data: unknown, requestId?: string) => normaliseTask('task_fallback', TaskDataSchema.parse(data), requestId);

describe('normaliseTask', () => {
  it('reads the contract example exactly', () => {
    const reply = {
      code: 200,
      data: {
        id: 'task_01K9S419324DREZFBWNSVXYR6H',
        status: 'completed',
        progress: 100,
        result: {
          thumbnail_url: 'https://cdn.example.com/thumbnail.jpg',
          videos: [{ url: ['https://cdn.example.com/video_task_1.mp4'], expires_at: 1762940095 }],
        },
        created: 1762853430,
        completed: 1762853695,
        estimated_time: 600,
        actual_time: 265,
        cost: 0.64,
        credits_cost: 6.4,
      },
    };
    const parsed = TaskReplySchema.parse(reply);
    expect(normaliseTask('task_01K9S419324DREZFBWNSVXYR6H', parsed.data, 'req_1')).toEqual({
      taskId: 'task_01K9S419324DREZFBWNSVXYR6H',
      status: 'completed',
      phase: 'completed',
      progress: 100,
      videos: [{ urls: ['https://cdn.example.com/video_task_1.mp4'], expiresAt: 1762940095_000 }],
      thumbnailUrl: 'https://cdn.example.com/thumbnail.jpg',
      costUsd: 0.64,
      credits: 6.4,
      estimatedTimeS: 600,
      actualTimeS: 265,
      createdAt: 1762853430_000,
      completedAt: 1762853695_000,
      requestId: 'req_1',
    });
  });

  it('flattens several entries and several URLs per entry to one output per URL, in order', () => {
    const s = snap({
      status: 'completed',
      result: {
        videos: [
          { url: ['https://a.example/1.mp4', 'https://a.example/2.mp4'], expires_at: 100 },
          { url: 'https://a.example/3.mp4', expires_at: 200 },
          { urls: ['https://a.example/4.mp4'], expires_at: '300' },
        ],
      },
    });
    expect(s.videos).toEqual([
      { urls: ['https://a.example/1.mp4'], expiresAt: 100_000 },
      { urls: ['https://a.example/2.mp4'], expiresAt: 100_000 },
      { urls: ['https://a.example/3.mp4'], expiresAt: 200_000 },
      { urls: ['https://a.example/4.mp4'], expiresAt: 300_000 },
    ]);
    for (const v of s.videos) expect(v.urls).toHaveLength(1);
  });

  it('keeps only http(s) URLs', () => {
    const s = snap({
      status: 'completed',
      result: {
        videos: [
          { url: ['javascript:alert(1)', 'HTTPS://A.EXAMPLE/ok.mp4', 'file:///etc/passwd', 'data:video/mp4;base64,AAAA', '', '/relative.mp4', 'http://b.example/ok.mp4'] },
        ],
      },
    });
    expect(s.videos.map((v) => v.urls[0])).toEqual(['HTTPS://A.EXAMPLE/ok.mp4', 'http://b.example/ok.mp4']);
  });

  it('leaves expiresAt unset when expires_at is missing or unreadable', () => {
    const s = snap({ status: 'completed', result: { videos: [{ url: 'https://a/1.mp4' }, { url: 'https://a/2.mp4', expires_at: null }] } });
    expect(s.videos).toEqual([{ urls: ['https://a/1.mp4'], expiresAt: undefined }, { urls: ['https://a/2.mp4'], expiresAt: undefined }]);
  });

  it('accepts progress, cost and times as strings', () => {
    const s = snap({ status: 'processing', progress: '42', cost: '0.512', credits_cost: '5.12', estimated_time: '600', actual_time: '12.5' });
    expect(s).toMatchObject({ progress: 42, costUsd: 0.512, credits: 5.12, estimatedTimeS: 600, actualTimeS: 12.5 });
  });

  it('clamps progress into 0–100', () => {
    expect(snap({ status: 'processing', progress: 140 }).progress).toBe(100);
    expect(snap({ status: 'processing', progress: -3 }).progress).toBe(0);
  });

  it('ignores unreadable informational fields instead of rejecting the reply', () => {
    const s = snap({ status: 'processing', progress: '50%', cost: 'n/a', created: {}, thumbnail_url: 7 });
    expect(s.phase).toBe('running');
    expect(s.progress).toBeUndefined();
    expect(s.costUsd).toBeUndefined();
    expect(s.createdAt).toBeUndefined();
  });

  it('uses data.id, then data.task_id, then the id asked for', () => {
    expect(snap({ id: 'a', task_id: 'b', status: 'pending' }).taskId).toBe('a');
    expect(snap({ task_id: 'b', status: 'pending' }).taskId).toBe('b');
    expect(snap({ status: 'pending' }).taskId).toBe('task_fallback');
  });

  it('a missing status reads as running, never failed', () => {
    const s = snap({ progress: 10 });
    expect(s.status).toBe('unknown');
    expect(s.phase).toBe('running');
  });

  it('reads a failed task with error.code "" (dropped), numeric (kept as text) or missing', () => {
    expect(snap({ status: 'failed', progress: 100, error: { message: 'blocked', code: '' } }).error).toEqual({ message: 'blocked' });
    expect(snap({ status: 'failed', error: { message: 'blocked', code: 4031 } }).error).toEqual({ message: 'blocked', code: '4031' });
    expect(snap({ status: 'failed', error: { message: 'blocked' } }).error).toEqual({ message: 'blocked' });
  });

  it('reads an error given as a string, as fail_reason, or with no message at all', () => {
    expect(snap({ status: 'failed', error: 'quota exceeded' }).error).toEqual({ message: 'quota exceeded' });
    expect(snap({ status: 'failure', fail_reason: 'upstream refused' }).error).toEqual({ message: 'upstream refused' });
    // No words of the provider's: none are made up here (the job's message says so in the person's language).
    expect(snap({ status: 'failed', error: { code: 13 } }).error).toEqual({ code: '13' });
    expect(snap({ status: 'failed', error: null }).error).toBeUndefined();
  });

  it('a completed task without videos, or with result null, has no outputs', () => {
    expect(snap({ status: 'completed', result: null }).videos).toEqual([]);
    expect(snap({ status: 'completed', result: { videos: null } }).videos).toEqual([]);
    expect(snap({ status: 'completed', result: { videos: [] } }).videos).toEqual([]);
  });
});
