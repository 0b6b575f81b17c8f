// An ESLint rule that enforces the layer graph declared in eslint.config.js.
// Every relative import is resolved against the importing file and both ends
// are placed in their layer, so `../../services/x.js` from core and
// `../services/x.js` from main are judged by where they lead, not by how the
// path is spelled. Package imports (electron, node:*) are left to
// no-restricted-imports.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * @typedef {object} LayerGraph
 * @property {string} root Absolute path of the repository.
 * @property {Record<string, readonly string[]>} layers Folder (relative to root) → the other folders it may import.
 * @property {{ files: readonly string[], mayAlsoImport: readonly string[] }} roots Files that may also import the listed folders.
 */

const toPosix = (p) => p.split(sep).join('/');

/** The layer a repository-relative path belongs to: the longest folder that contains it. */
function layerOf(path, layers) {
  let best;
  for (const folder of Object.keys(layers)) {
    if ((path === folder || path.startsWith(`${folder}/`)) && (best === undefined || folder.length > best.length)) best = folder;
  }
  return best;
}

/** @param {LayerGraph} graph */
export function layerImportsRule(graph) {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Each layer imports only the layers below it (see the table in eslint.config.js).' },
      schema: [],
      messages: {
        forbidden: '{{from}} may not import {{to}} ({{target}}): {{from}} may import only {{allowed}}.',
        rootsOnly: '{{to}} ({{target}}) is reached only by the composition roots ({{roots}}) and tests: have a root inject what you need as a port.',
        outside: '{{from}} may not import {{target}}, which is outside every layer (tests, scripts and tools are not part of the app).',
      },
    },
    create(context) {
      const file = toPosix(relative(graph.root, context.filename));
      const from = layerOf(file, graph.layers);
      if (from === undefined) return {};
      const isRoot = graph.roots.files.includes(file);
      const allowed = [from, ...graph.layers[from], ...(isRoot ? graph.roots.mayAlsoImport : [])];

      const check = (node, specifier) => {
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
        const target = toPosix(relative(graph.root, resolve(dirname(context.filename), specifier)));
        // Beyond the repository (a sibling checkout?) is nothing this graph describes.
        if (target.startsWith('../')) return;
        const to = layerOf(target, graph.layers);
        if (to === undefined) {
          context.report({ node, messageId: 'outside', data: { from, target } });
          return;
        }
        if (allowed.includes(to)) return;
        if (graph.roots.mayAlsoImport.includes(to)) {
          context.report({ node, messageId: 'rootsOnly', data: { to, target, roots: graph.roots.files.join(', ') } });
          return;
        }
        const others = allowed.filter((l) => l !== from);
        context.report({ node, messageId: 'forbidden', data: { from, to, target, allowed: others.length > 0 ? others.join(', ') : 'nothing outside itself' } });
      };
      const fromSource = (node) => {
        if (node.source) check(node.source, node.source.value);
      };
      return {
        ImportDeclaration: fromSource,
        ExportNamedDeclaration: fromSource,
        ExportAllDeclaration: fromSource,
        ImportExpression: (node) => {
          if (node.source.type === 'Literal') check(node.source, node.source.value);
        },
        // `typeof import('../x.js')` in a type position.
        TSImportType: (node) => {
          const literal = node.argument?.type === 'TSLiteralType' ? node.argument.literal : undefined;
          if (literal?.type === 'Literal') check(literal, literal.value);
        },
      };
    },
  };
}
