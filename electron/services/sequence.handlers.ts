import { isAbsolute, join, relative, sep } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { isAppFailure } from '../../shared/errors.js';
import { isBareEntry } from '../../shared/domain/video.js';
import type { SequenceClipEdit } from '../../shared/domain/sequence.js';
import type { SequenceView } from '../../shared/ipc/sequence-views.js';
import { applySequenceEdit } from '../core/sequence/sequence-edit.js';
import { listSequenceFiles, readSequence, sequencePath, writeSequence, type StoredSequence } from '../core/sequence/sequence-file.js';
import type { ServiceContext } from './context.js';
import type { Handlers } from './types.js';

/**
 * sequence:* — storyboards in the output folder and their export. The page
 * edits only the fields Keyframe knows; the core keeps the rest of the file.
 * A save names the revision it edited, so an edit another tool made in the
 * meantime is reported instead of overwritten.
 */
export function sequenceHandlers(ctx: ServiceContext): Handlers['sequence'] {
  const folder = () => ctx.settings().outputDir;

  const view = (stored: StoredSequence): SequenceView => {
    const byPath = videoIdsByPath(ctx, folder());
    return {
      name: stored.name,
      revision: stored.revision,
      ...(stored.document.title === undefined ? {} : { title: stored.document.title }),
      clips: stored.document.clips.map((c, ref) => {
        const videoId = byPath.get(c.file);
        return {
          ref,
          file: c.file,
          ...(c.in === undefined ? {} : { in: c.in }),
          ...(c.out === undefined ? {} : { out: c.out }),
          ...(c.title === undefined ? {} : { title: c.title }),
          ...(videoId === undefined ? {} : { videoId }),
        };
      }),
    };
  };

  const changed = (name: string) => appFailure('invalid_request', errorMessage('sequence.changed', { name }), { retryable: false });

  /** The stored sequence, or undefined when there is none by that name. */
  const current = async (name: string): Promise<StoredSequence | undefined> => {
    try {
      return await readSequence(folder(), name);
    } catch (err) {
      if (isAppFailure(err) && err.app.code === 'not_found') return undefined;
      throw err;
    }
  };

  return {
    async list() {
      const items = [];
      for (const { name, mtimeMs } of await listSequenceFiles(folder())) {
        try {
          const { document } = await readSequence(folder(), name);
          items.push({ name, ...(document.title === undefined ? {} : { title: document.title }), clips: document.clips.length, modifiedAt: mtimeMs, damaged: false });
        } catch {
          items.push({ name, clips: 0, modifiedAt: mtimeMs, damaged: true });
        }
      }
      return { items };
    },
    get: async ({ name }) => view(await readSequence(folder(), name)),
    async save({ name, revision, title, clips }) {
      const before = await current(name);
      // No revision: a new sequence, never one that exists. A revision: the file must still be the one edited.
      if ((before === undefined) !== (revision === undefined) || (before && before.revision !== revision)) throw changed(name);
      const document = applySequenceEdit(before?.document, { title, clips: clips.map((c) => placeInFolder(ctx, folder(), c)) });
      await writeSequence(folder(), name, document);
      return view(await readSequence(folder(), name));
    },
    async delete({ name, revision }) {
      const before = await readSequence(folder(), name);
      if (before.revision !== revision) throw changed(name);
      await ctx.ports.shell.trash(sequencePath(folder(), name));
      return { ok: true as const };
    },
    plan: async ({ name }) => ctx.exports.plan(folder(), await readSequence(folder(), name)),
    export: ({ exportId, fileName }) => ctx.exports.startCopy(exportId, fileName),
    async cancel({ exportId }) {
      await ctx.exports.cancel(exportId);
      return { ok: true as const };
    },
    writeChunk: async ({ exportId, position, dataBase64 }) => ({ bytes: await ctx.exports.writeChunk(exportId, position, new Uint8Array(Buffer.from(dataBase64, 'base64'))) }),
    finish: ({ exportId, fileName }) => ctx.exports.finish(exportId, fileName),
  };
}

/**
 * A clip the page names by its library video gets that video's path relative to the sequence's folder
 * (the page only knows file names); a video outside the folder is refused rather than saved as a path
 * the export would not find.
 */
function placeInFolder(ctx: ServiceContext, folder: string, clip: SequenceClipEdit): SequenceClipEdit {
  if (clip.videoId === undefined) return clip;
  const entry = ctx.engine.library.all().find((e) => e.id === clip.videoId);
  if (entry === undefined) throw appFailure('not_found', errorMessage('sequence.clip_unknown'), { retryable: false });
  const name = isBareEntry(entry) ? entry.fileName : entry.sidecar.file;
  const rel = relative(folder, join(entry.dir, name));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw appFailure('invalid_request', errorMessage('sequence.clip_not_in_folder', { file: name }), { retryable: false, field: 'clips' });
  }
  return { ...clip, file: rel.split(sep).join('/') };
}

/** Library videos by their path relative to `folder` (`/`-separated, as sequences name clips). */
function videoIdsByPath(ctx: ServiceContext, folder: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of ctx.engine.library.all()) {
    // A bare video (no sidecar) is a clip like any other: the library knows it by its file name.
    const rel = relative(folder, join(e.dir, isBareEntry(e) ? e.fileName : e.sidecar.file));
    if (rel.startsWith('..') || rel === '') continue;
    const key = rel.split(sep).join('/');
    if (!out.has(key)) out.set(key, e.id);
  }
  return out;
}
