import type { Plugin } from 'vite';

/**
 * The page's entry (main.tsx) is a few kilobytes that open the socket to main
 * and then import the app. Left to itself, the browser learns of the app's
 * chunks only once that entry has been fetched and run, so their download
 * starts tens of milliseconds after the page did. This plugin names them in
 * index.html (modulepreload for the scripts, preload for their styles), so
 * they download alongside the entry; the entry still runs first.
 */

/** The parts of a built chunk this plugin reads (a subset of Rollup's OutputChunk). */
export interface ChunkFacts {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  /** Every module the chunk holds (a group chunk holds a dynamic entry without being its facade). */
  moduleIds: readonly string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: readonly string[];
  viteMetadata?: { importedCss: ReadonlySet<string> };
}
export interface AssetFacts {
  type: 'asset';
  fileName: string;
}
export type BundleFacts = Record<string, ChunkFacts | AssetFacts>;

export interface PreloadTag {
  tag: 'link';
  attrs: Record<string, string>;
  injectTo: 'head';
}

function chunkOf(bundle: BundleFacts, fileName: string): ChunkFacts | undefined {
  const item = bundle[fileName];
  return item?.type === 'chunk' ? item : undefined;
}

/** Every chunk a chunk needs before it can run: itself and its static imports, transitively, in load order. */
function closure(bundle: BundleFacts, start: ChunkFacts): ChunkFacts[] {
  const seen = new Set<string>();
  const out: ChunkFacts[] = [];
  const visit = (chunk: ChunkFacts) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const dep of chunk.imports) {
      const next = chunkOf(bundle, dep);
      if (next) visit(next);
    }
    out.push(chunk);
  };
  visit(start);
  return out;
}

/**
 * The link tags for the chunk holding the module whose path ends with `moduleSuffix` (the app, which
 * the HTML entry imports dynamically): it and the chunks it imports that the HTML entry does not
 * already load, with their CSS. None when no chunk holds it.
 */
export function preloadTagsFor(bundle: BundleFacts, moduleSuffix: string): PreloadTag[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkFacts => c.type === 'chunk');
  // Its facade first: when the chunk holding the module also serves other chunks, the bundler puts a
  // small facade in front of it for the dynamic import, and that facade is what the entry asks for.
  const target =
    chunks.find((c) => (c.facadeModuleId ?? '').endsWith(moduleSuffix)) ?? chunks.find((c) => c.moduleIds.some((id) => id.endsWith(moduleSuffix)));
  if (!target) return [];
  // Vite already names the HTML entry's own static imports in the page.
  const loaded = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => closure(bundle, c).map((x) => x.fileName)));
  const needed = closure(bundle, target).filter((c) => !loaded.has(c.fileName));
  const css = [...new Set(needed.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]))];
  return [
    ...css.map((file): PreloadTag => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `./${file}` }, injectTo: 'head' })),
    ...needed.map((c): PreloadTag => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${c.fileName}` }, injectTo: 'head' })),
  ];
}

export function preloadAppChunks(moduleSuffix: string): Plugin {
  return {
    name: 'keyframe:preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => (ctx.bundle ? preloadTagsFor(ctx.bundle as unknown as BundleFacts, moduleSuffix) : []),
    },
  };
}
