import type { Plugin } from 'vite';

/**
 * The boot module (the socket to main and the library's first page) runs from
 * a script tag of its own, `async`: as soon as its few kilobytes arrive, while
 * the app's larger files are still downloading and compiling, instead of after
 * them. Vite folds every module script of index.html into one deferred entry,
 * so the tag is added here, first in <head>, for the file the boot module was
 * put in (renderer/build/app-chunk.ts). The app imports the same file, and the
 * browser runs a module once.
 */

/** The parts of a built chunk this plugin reads (a subset of Rollup's OutputChunk). */
export interface ChunkFacts {
  type: 'chunk' | 'asset';
  fileName: string;
  moduleIds?: readonly string[];
}

export interface ScriptTag {
  tag: 'script';
  attrs: Record<string, string | boolean>;
  injectTo: 'head-prepend';
}

/** The async script tag for the file holding the module whose path ends with `moduleSuffix`; none if no file does. */
export function asyncBootTags(bundle: Record<string, ChunkFacts>, moduleSuffix: string): ScriptTag[] {
  const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && (c.moduleIds ?? []).some((id) => id.endsWith(moduleSuffix)));
  if (!chunk) return [];
  return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: '', src: `./${chunk.fileName}` }, injectTo: 'head-prepend' }];
}

export function asyncBoot(moduleSuffix: string): Plugin {
  return {
    name: 'keyframe:async-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => (ctx.bundle ? asyncBootTags(ctx.bundle as unknown as Record<string, ChunkFacts>, moduleSuffix) : []),
    },
  };
}
