import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The built JS split into what the first paint needs and what loads later:
 * initial = the scripts and modulepreloads index.html names, the chunks the
 * page was seen to load before its first paint (`loadedFirst`: a boot script
 * may import the app dynamically), plus every chunk they import statically
 * (transitively); lazy = every other chunk. Sizes are gzip -9 of the built files.
 */

export interface Chunk {
  file: string;
  gzipBytes: number;
}

export interface JsChunks {
  initial: Chunk[];
  lazy: Chunk[];
  initialBytes: number;
}

/** `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"` — not `import("./x.js")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:\{[^}]*\}|[A-Za-z_$][\w$]*|\*\s*as\s*[A-Za-z_$][\w$]*)?\s*(?:from)?\s*["']\.\/([\w.-]+\.js)["']/g;
const HTML_JS = /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g;

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

export function jsChunks(distDir: string, loadedFirst: readonly string[] = []): JsChunks {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(HTML_JS)].map((m) => (m[1] ?? '').replace(/^\.?\//, ''));
  const initial = new Set<string>();
  const visit = (rel: string): void => {
    if (initial.has(rel)) return;
    initial.add(rel);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
    for (const m of readFileSync(join(distDir, rel), 'utf8').matchAll(STATIC_IMPORT)) visit(`${dir}${m[1] ?? ''}`);
  };
  [...entries, ...loadedFirst].forEach(visit);
  const all = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const sized = (files: string[]): Chunk[] => files.map((file) => ({ file, gzipBytes: gz(join(distDir, file)) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const first = sized([...initial]);
  return { initial: first, lazy: sized(all.filter((f) => !initial.has(f))), initialBytes: first.reduce((s, c) => s + c.gzipBytes, 0) };
}

/** The name zod's core gives its base type at run time: in every build that holds zod, in nothing else. */
export const ZOD_MARKER = '$ZodType';

/** The chunks whose code holds `text` (zod's marker: the chunks that hold zod). */
export function chunksHolding(distDir: string, chunks: readonly Chunk[], text: string): string[] {
  return chunks.filter((c) => readFileSync(join(distDir, c.file), 'utf8').includes(text)).map((c) => c.file);
}
