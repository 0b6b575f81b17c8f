import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import type { LibraryFoldersView } from '../../shared/ipc/views.js';
import type { ServiceContext } from './context.js';
import { invalid } from './failures.js';
import { MAX_FOLDERS, saveLibraryFolders } from './library-folders.js';
import { isInside } from './media.js';
import type { Handlers } from './types.js';

/**
 * library:folders and friends — the folders whose videos the library lists.
 * The output folder is always one; others are added by path (or the OS
 * dialog on the desktop) and remembered in the data folder.
 */

type FolderHandlers = Pick<Handlers['library'], 'folders' | 'addFolder' | 'chooseFolder' | 'removeFolder'>;

export function libraryFolderHandlers(ctx: ServiceContext): FolderHandlers {
  const { library } = ctx.engine;
  const output = () => resolve(ctx.settings().outputDir);

  const view = (): LibraryFoldersView => {
    const states = new Map((ctx.libraryWatch?.status() ?? []).map((s) => [s.dir, s.state] as const));
    const out = output();
    const dirs = [...library.directories()].sort((a, b) => Number(b === out) - Number(a === out));
    return { folders: dirs.map((path) => ({ path, output: path === out, state: states.get(path) ?? 'starting' })) };
  };
  const remember = () =>
    saveLibraryFolders(ctx.ports.dataDir, library.directories()).catch((err: unknown) =>
      ctx.logger.log('warn', 'could not remember the library folders', { error: err }),
    );
  const add = async (path: string): Promise<LibraryFoldersView> => {
    const folder = await checkNewFolder(path, library.directories());
    await library.addDir(folder);
    await remember();
    return view();
  };

  return {
    folders: async () => view(),
    addFolder: ({ path }) => add(path),
    async chooseFolder() {
      const chosen = await ctx.ports.shell.chooseFolder(output());
      return chosen === undefined ? view() : add(chosen);
    },
    async removeFolder({ path }) {
      const folder = resolve(path);
      if (folder === output()) throw invalid('path', errorMessage('library.folder_is_output'));
      if (!library.directories().includes(folder)) throw appFailure('not_found', errorMessage('library.folder_unknown', { folder }), { retryable: false, field: 'path' });
      await library.removeDir(folder);
      await remember();
      return view();
    },
  };
}

/**
 * A folder that exists, given by its full path, and neither inside nor
 * holding a folder already listed (its videos would be listed twice, and
 * watched twice).
 */
async function checkNewFolder(path: string, dirs: readonly string[]): Promise<string> {
  if (!isAbsolute(path) || path.includes('\0')) throw invalid('path', errorMessage('library.folder_relative'));
  const folder = resolve(path);
  const isDir = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw invalid('path', errorMessage('library.folder_missing', { folder }));
  if (dirs.includes(folder)) return folder;
  if (dirs.length >= MAX_FOLDERS) throw invalid('path', errorMessage('library.folders_full', { max: MAX_FOLDERS }));
  const real = await realpath(folder);
  for (const dir of dirs) {
    const other = await realpath(dir).catch(() => resolve(dir));
    if (other === real || isInside(other, real) || isInside(real, other)) {
      throw invalid('path', errorMessage('library.folder_nested', { folder, other: dir }));
    }
  }
  return folder;
}
