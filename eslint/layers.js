// The `layers/allowed-imports` rule: every file of src/ belongs to one layer of the table in
// eslint.config.js, and may import only the layers that layer lists. Import specifiers are
// resolved (relative paths and the @shared/* alias) to repository paths before they are judged, so
// `../store/x` and `../../main/store/x` are the same import. Packages (react, zod, …) are not
// layers; other rules restrict them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** the repository: paths in the table are relative to it, wherever ESLint is started from */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EXTENSIONS = /\.(d\.ts|tsx?|jsx?|mjs|cjs)$/;
const ALIASES = { '@shared/': 'src/shared/' };

/** `src/main/store/` (a folder), `src/main/app.ts` (a file) or `src/renderer/src/features/*\/` (each subfolder its own unit). */
function parsePlace(place) {
  if (place.endsWith('*/')) return { kind: 'units', folder: place.slice(0, -2) };
  if (place.endsWith('/')) return { kind: 'folder', folder: place };
  return { kind: 'file', file: place.replace(EXTENSIONS, '') };
}

/**
 * Which layer (and unit, for `*\/` places) a repository path belongs to: the longest place that
 * holds it, so `reader/session/` wins over `reader/`.
 */
function locate(table, repoPath) {
  const bare = repoPath.replace(EXTENSIONS, '');
  let best = null;
  for (const layer of table) {
    for (const place of layer.places) {
      let unit = null;
      let length = -1;
      if (place.kind === 'file' && bare === place.file) length = place.file.length + 1;
      else if (place.kind === 'folder' && (bare + '/').startsWith(place.folder)) length = place.folder.length;
      else if (place.kind === 'units' && bare.startsWith(place.folder)) {
        const name = bare.slice(place.folder.length).split('/')[0];
        if (name) {
          unit = place.folder + name + '/';
          length = unit.length;
        }
      }
      if (length > (best?.length ?? -1)) best = { layer, unit, length };
    }
  }
  if (!best) return null;
  const root =
    best.unit ?? best.layer.places.find((p) => p.kind !== 'file' && (bare + '/').startsWith(p.folder))?.folder;
  const barrel = root !== undefined && (bare + '/' === root || bare === root + 'index');
  return { layer: best.layer, unit: best.unit, barrel };
}

function resolveSpecifier(fromFile, specifier, cwd) {
  for (const [alias, target] of Object.entries(ALIASES)) {
    if (specifier.startsWith(alias)) return target + specifier.slice(alias.length);
  }
  if (!specifier.startsWith('.')) return null; // a package
  const absolute = path.resolve(path.dirname(fromFile), specifier);
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** `{ name, places, may }` rows → the form the rule reads. */
export function compileLayers(rows) {
  const names = new Set(rows.map((r) => r.name));
  for (const row of rows) {
    for (const entry of row.may) {
      const name = entry.replace(/:barrel$/, '');
      if (!names.has(name)) throw new Error(`layer table: ${row.name} may import unknown layer ${name}`);
    }
  }
  return rows.map((r) => ({ name: r.name, places: r.places.map(parsePlace), may: r.may }));
}

function verdict(from, to) {
  if (from.layer === to.layer) {
    if (!from.unit || from.unit === to.unit) return null;
    if (to.barrel && from.layer.may.includes(`${to.layer.name}:barrel`)) return null;
    return `another ${to.layer.name} unit only through its index.ts`;
  }
  if (from.layer.may.includes(to.layer.name)) return null;
  if (from.layer.may.includes(`${to.layer.name}:barrel`)) {
    return to.barrel ? null : `${to.layer.name} only through its index.ts`;
  }
  return `not ${to.layer.name}`;
}

function allowedList(layer) {
  return layer.may.length ? layer.may.map((m) => m.replace(/:barrel$/, ' (index.ts only)')).join(', ') : 'nothing';
}

/**
 * `exceptions`: `[{ file, imports: [paths], why }]`, imports a file keeps for now although its
 * layer forbids them (each says why and until when).
 */
export function layersPlugin(rows, exceptions = []) {
  const table = compileLayers(rows);
  const bare = (p) => p.replace(EXTENSIONS, '');
  const excused = (fromPath, target) =>
    exceptions.some((e) => e.file === fromPath && e.imports.some((i) => bare(i) === bare(target)));
  const rule = {
    meta: {
      type: 'problem',
      docs: { description: 'imports follow the layer table in eslint.config.js' },
      schema: [],
      messages: {
        forbidden:
          '{{from}} ({{fromFile}}) may import {{allowed}}; {{why}}: "{{specifier}}". See the layer table in eslint.config.js.',
      },
    },
    create(context) {
      const cwd = ROOT;
      const fileName = path.resolve(context.cwd, context.filename);
      const fromPath = path.relative(cwd, fileName).split(path.sep).join('/');
      const from = locate(table, fromPath);
      if (!from) return {};
      function check(node, source) {
        if (!source || typeof source.value !== 'string') return;
        const target = resolveSpecifier(fileName, source.value, cwd);
        if (target === null) return;
        const to = locate(table, target);
        if (!to) return;
        const why = verdict(from, to);
        if (why === null || excused(fromPath, target)) return;
        context.report({
          node: source,
          messageId: 'forbidden',
          data: {
            from: from.layer.name,
            fromFile: fromPath,
            allowed: allowedList(from.layer),
            why,
            specifier: source.value,
          },
        });
      }
      return {
        ImportDeclaration: (node) => check(node, node.source),
        ExportNamedDeclaration: (node) => check(node, node.source),
        ExportAllDeclaration: (node) => check(node, node.source),
        ImportExpression: (node) => check(node, node.source),
      };
    },
  };
  return { rules: { 'allowed-imports': rule } };
}
