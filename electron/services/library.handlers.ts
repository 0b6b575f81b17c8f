import { appFailure, errorMessage, type ErrorMessage } from '../../shared/error-messages.js';
import { isAppFailure } from '../../shared/errors.js';

const unsupported = (message: ErrorMessage) => appFailure('permission', message, { retryable: false });
import { join } from 'node:path';
import { isBareEntry, type LibraryEntry } from '../../shared/domain/video.js';
import { takeCount } from '../core/library/library-lineage.js';
import { isSidecarName } from '../core/library/scanner.js';
import { queryLibrary } from '../core/library/library-query.js';
import type { ServiceContext } from './context.js';
import { notFound } from './failures.js';
import { libraryFolderHandlers } from './library-folders.handlers.js';
import { entryFiles } from './media.js';
import { posterBacklog, posterCounts } from './poster-backlog.js';
import type { RecordPlace } from './trash-bin.js';
import type { Handlers } from './types.js';
import { toVideoView } from './views.js';

/** library:* — the index owns the records; these map ids to entries and entries to views. */
export function libraryHandlers(ctx: ServiceContext): Handlers['library'] {
  const { library } = ctx.engine;
  const view = (e: LibraryEntry) => toVideoView(e, ctx.ports.mediaUrl, (id) => ctx.posters.has(id), (x) => takeCount(library.all(), x));
  const entry = (id: string): LibraryEntry => {
    const e = library.get(id);
    if (!e) throw notFound('video');
    return e;
  };
  const files = async (id: string) => {
    const e = entry(id);
    const f = await entryFiles(e, library.directories());
    // A sidecar pointing outside the library folders is never acted on (entryFiles checks).
    if (!f) throw notFound('video');
    return f;
  };

  return {
    async query(q) {
      const page = queryLibrary(library.all(), q);
      return { total: page.total, items: page.items.map(view) };
    },
    get: async ({ id }) => view(entry(id)),
    async lineage({ id }) {
      const family = library.family(id);
      if (!family) throw notFound('video');
      return {
        ...(family.parentId === undefined ? {} : { parentId: family.parentId }),
        ...(family.parent ? { parent: view(family.parent) } : {}),
        children: family.children.map(view),
        siblings: family.siblings.map(view),
      };
    },
    setFavorite: async ({ id, favorite }) => view(await library.setFavorite(id, favorite)),
    async setTags({ id, tags }) {
      // Same tag twice, or with stray spaces, is one tag to a person.
      const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
      return view(await library.setTags(id, clean));
    },
    async trash({ id }) {
      // entryFiles refuses, trashing nothing, unless the video is a regular video file beside this sidecar.
      const { video, sidecar, videoPresent } = await files(id);
      // Video first, sidecar last: a record never goes before its video (see TrashBin.hold).
      const e = entry(id);
      const paths = [...(videoPresent ? [video] : []), ...(sidecar === undefined ? [] : [sidecar])];
      // A bare video is its own record: restoring it puts the file back and lists it again.
      const place = { dir: e.dir, sidecarName: isBareEntry(e) ? e.fileName : e.sidecarName };
      const undoMs = await holdOrFail(ctx, id, place, paths);
      // The files are gone, so drop the one entry instead of rescanning every folder.
      await library.remove(id);
      return { ok: true as const, undoMs };
    },
    async restore({ id }) {
      const { dir, sidecarName } = await ctx.trash.restore(id);
      // Indexed again from the sidecar that came back (favourite and tags live in it), or from the video itself.
      if (isSidecarName(sidecarName)) return view(await library.add(dir, sidecarName));
      await library.pathsChanged([join(dir, sidecarName)]);
      return view(entry(id));
    },
    async startDrag({ id }) {
      const { video, videoPresent } = await files(id);
      if (!ctx.ports.shell.startDrag) throw unsupported(errorMessage('library.drag_desktop_only'));
      if (!videoPresent) throw notFound('video');
      await ctx.ports.shell.startDrag(video);
      return { ok: true as const };
    },
    async savePoster({ id, dataBase64 }) {
      const e = entry(id);
      await ctx.posters.put(e.id, new Uint8Array(Buffer.from(dataBase64, 'base64')));
      return view(e);
    },
    async posterBacklog({ limit, skip }) {
      const has = (id: string) => ctx.posters.has(id);
      const all = library.all();
      return { ...posterCounts(all, has), items: posterBacklog(all, has, limit, new Set(skip)).map(view) };
    },
    async reveal({ id }) {
      const { video, sidecar, videoPresent } = await files(id);
      await ctx.ports.shell.reveal(videoPresent || sidecar === undefined ? video : sidecar);
      return { ok: true as const };
    },
    ...libraryFolderHandlers(ctx),
  };
}

async function holdOrFail(ctx: ServiceContext, id: string, place: RecordPlace, paths: string[]): Promise<number> {
  try {
    return await ctx.trash.hold(id, place, paths);
  } catch (err) {
    if (isAppFailure(err)) throw err;
    ctx.logger.log('warn', 'could not move a file to the trash', { error: err });
    throw appFailure('io', errorMessage('library.trash_failed'), { retryable: true });
  }
}
