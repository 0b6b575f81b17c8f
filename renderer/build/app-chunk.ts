/**
 * How the page's first JS is cut into files. Left alone, the bundler makes a
 * small shared file for every set of modules that two chunks have in common:
 * the first paint then waited on a dozen requests, and a browser opens at most
 * six connections to the host, so the largest file was asked for last. Here
 * everything the entry (main.tsx) imports statically becomes one file, apart
 * from React DOM, which gets a file of its own so the browser parses the two
 * side by side on its background threads. What the app imports dynamically
 * (lazy views, the parser, the contract's schemas) still loads on its own when
 * asked for.
 */

/** The part of the bundler's module graph this reads. */
export interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

export interface AppChunkOptions {
  /** Module id (absolute path) of the HTML entry. */
  entry: string;
  /** Module id of the boot module: it and what it imports get a file of their own, `boot`, which the page runs as soon as it arrives. */
  boot?: string;
  /** Module ids that get a file of their own (tested before the app file). */
  ownFile?: { name: string; test: RegExp };
}

/** Every module statically imported from `start`, `start` included. */
function staticClosure(graph: ModuleGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
}

/**
 * The chunk `id` belongs to: `app`, the own-file name, or null (the bundler decides). The app's
 * modules are found once per build, from the graph, the first time a module is asked about.
 */
export function appChunkNamer(options: AppChunkOptions): (id: string, graph: ModuleGraph) => string | null {
  let app: Set<string> | undefined;
  let boot: Set<string> | undefined;
  return (id, graph) => {
    if (!app || !boot) {
      boot = options.boot ? staticClosure(graph, options.boot) : new Set<string>();
      app = staticClosure(graph, options.entry);
    }
    if (boot.has(id)) return 'boot';
    if (!app.has(id)) return null;
    if (options.ownFile?.test.test(id)) return options.ownFile.name;
    return 'app';
  };
}
