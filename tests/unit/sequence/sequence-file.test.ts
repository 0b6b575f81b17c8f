import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySequenceEdit } from '../../../electron/core/sequence/sequence-edit.js';
import { listSequenceFiles, readSequence, writeSequence } from '../../../electron/core/sequence/sequence-file.js';
import { SequenceDocumentSchema, clipPathProblem, sequenceNameOf } from '../../../shared/domain/sequence.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-seq-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (isAppFailure(err)) return err.app;
    throw err;
  }
  throw new Error('expected a failure');
}

/** What another tool writes: the minimal form plus fields Keyframe has never heard of. */
const FOREIGN = {
  schema: 'keyframe.sequence/1',
  editor: { name: 'other-tool', version: 3 },
  clips: [
    { file: 'a.mp4', in: 0, out: 1.5, color: 'red', notes: ['keep the wave'] },
    { file: 'takes/b.mp4', transition: { kind: 'dissolve', frames: 12 } },
  ],
};

describe('sequence files', () => {
  it('loads the minimal form other tools write', async () => {
    await writeFile(join(dir, 'scene.keyframe-sequence.json'), '{"schema":"keyframe.sequence/1","clips":[{"file":"a.mp4","in":0,"out":1.5}]}');
    const stored = await readSequence(dir, 'scene');
    expect(stored.document.clips).toEqual([{ file: 'a.mp4', in: 0, out: 1.5 }]);
    expect(stored.revision).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps unknown fields, at the top and per clip, through read, edit and write', async () => {
    await writeFile(join(dir, 'scene.keyframe-sequence.json'), JSON.stringify(FOREIGN));
    const stored = await readSequence(dir, 'scene');
    // The page edits only what it knows: it moves the second clip first, trims it and drops the first clip's in-point.
    const edited = applySequenceEdit(stored.document, {
      title: 'Harbour',
      clips: [
        { ref: 1, file: 'takes/b.mp4', in: 0.5, out: 2 },
        { ref: 0, file: 'a.mp4', out: 1.5 },
      ],
    });
    await writeSequence(dir, 'scene', edited);
    const back = JSON.parse(await readFile(join(dir, 'scene.keyframe-sequence.json'), 'utf8')) as unknown;
    expect(back).toEqual({
      schema: 'keyframe.sequence/1',
      editor: { name: 'other-tool', version: 3 },
      title: 'Harbour',
      clips: [
        { file: 'takes/b.mp4', in: 0.5, out: 2, transition: { kind: 'dissolve', frames: 12 } },
        { file: 'a.mp4', out: 1.5, color: 'red', notes: ['keep the wave'] },
      ],
    });
    // And a plain read-write with no edit keeps the file's content.
    const again = await readSequence(dir, 'scene');
    const revision = await writeSequence(dir, 'scene', again.document);
    expect(JSON.parse(await readFile(join(dir, 'scene.keyframe-sequence.json'), 'utf8'))).toEqual(back);
    // The revision a save returns is the one the next read sees (a later save names it).
    expect((await readSequence(dir, 'scene')).revision).toBe(revision);
  });

  it('refuses clip paths that leave the folder tree', () => {
    for (const bad of ['../a.mp4', 'x/../../a.mp4', '/etc/passwd', 'C:/v/a.mp4', 'c:a.mp4', 'sub\\a.mp4', './a.mp4', 'a//b.mp4', '', 'a\u0000.mp4']) {
      expect(clipPathProblem(bad), bad).toBeDefined();
      expect(SequenceDocumentSchema.safeParse({ schema: 'keyframe.sequence/1', clips: [{ file: bad }] }).success, bad).toBe(false);
    }
    for (const good of ['a.mp4', 'takes/b.mp4', 'deep/er/c d.mp4', '..a.mp4']) expect(clipPathProblem(good), good).toBeUndefined();
  });

  it('refuses an out-point before the in-point, negative or non-numeric trims, and another schema', () => {
    const doc = (clip: unknown, schema = 'keyframe.sequence/1') => SequenceDocumentSchema.safeParse({ schema, clips: [clip] }).success;
    expect(doc({ file: 'a.mp4', in: 2, out: 1 })).toBe(false);
    expect(doc({ file: 'a.mp4', in: 1, out: 1 })).toBe(false);
    expect(doc({ file: 'a.mp4', in: -1 })).toBe(false);
    expect(doc({ file: 'a.mp4', in: '1' })).toBe(false);
    expect(doc({ file: 'a.mp4' }, 'keyframe.sequence/2')).toBe(false);
    expect(doc({ file: 'a.mp4', in: 1 })).toBe(true);
  });

  it('reports a damaged file and a missing one, each by name', async () => {
    await writeFile(join(dir, 'bad.keyframe-sequence.json'), '{"schema":"keyframe.sequence/1","clips":[{"file":"../x.mp4"}]}');
    await writeFile(join(dir, 'torn.keyframe-sequence.json'), '{"schema":"keyframe.seq');
    expect((await appError(readSequence(dir, 'bad'))).key).toBe('sequence.damaged');
    expect((await appError(readSequence(dir, 'torn'))).key).toBe('sequence.damaged');
    const missing = await appError(readSequence(dir, 'nope'));
    expect([missing.code, missing.key]).toEqual(['not_found', 'sequence.not_found']);
  });

  it('refuses a file too large to be a sequence without parsing it', async () => {
    await writeFile(join(dir, 'huge.keyframe-sequence.json'), `{"schema":"keyframe.sequence/1","clips":[],"pad":"${'x'.repeat(1024 * 1024)}"}`);
    expect((await appError(readSequence(dir, 'huge'))).key).toBe('sequence.too_large');
  });

  it('lists only sequence files with a valid name, and writes atomically (no temp file left)', async () => {
    await writeSequence(dir, 'b', { schema: 'keyframe.sequence/1', clips: [] });
    await writeSequence(dir, 'a', { schema: 'keyframe.sequence/1', clips: [{ file: 'x.mp4' }] });
    await writeFile(join(dir, '.hidden.keyframe-sequence.json'), '{}');
    await writeFile(join(dir, 'clip.keyframe.json'), '{}');
    expect((await listSequenceFiles(dir)).map((s) => s.name)).toEqual(['a', 'b']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await listSequenceFiles(join(dir, 'missing'))).toEqual([]);
    expect(sequenceNameOf('a:b.keyframe-sequence.json')).toBeUndefined();
  });
});
