// Analyzer plugin (runs last): module paths of the manifest name the files the package ships, not
// src/ (which does not ship). A tool that follows a path — to import a class, go to its definition or
// register a tag — finds `dist/<entry>.js`, the module a host imports; the tag registrations are
// listed as `custom-element-definition` exports of `dist/define-<element>.js`.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Public entries, most specific first: a class exported by several is listed under the first. */
const classEntries = ['signup-wizard', 'identity-verify', 'membership-provider', 'index'];
const defineEntries = ['define-signup-wizard', 'define-identity-verify', 'define-membership-provider'];

const exportFrom = /export\s*\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"]/g;

/** `src/…ts` module → exported name → shipped entry (`dist/x.js`), from the entries' `export { … } from` lines. */
export function readEntryExports(root = '.') {
  const shipped = new Map();
  for (const entry of classEntries) {
    const source = `src/${entry}.ts`;
    const text = readFileSync(join(root, source), 'utf8');
    for (const [, names, specifier] of text.matchAll(exportFrom)) {
      const module = normalize(join(dirname(source), specifier));
      for (const item of names.split(',')) {
        const name = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(item);
        if (!name || /^\s*type\s/.test(item)) continue;
        const byName = shipped.get(module) ?? new Map();
        if (!byName.has(name[1])) byName.set(name[1], `dist/${entry}.js`);
        shipped.set(module, byName);
      }
    }
  }
  return shipped;
}

/** Tag → class name registered by each `src/define-<element>.ts` (`defineElement('tag', Class)`). */
export function readDefinitions(root = '.') {
  return defineEntries.map((entry) => {
    const text = readFileSync(join(root, `src/${entry}.ts`), 'utf8');
    const tags = [...text.matchAll(/\bdefine(?:Element)?\(\s*'([a-z][\w-]*-[\w-]+)'\s*,\s*([\w$]+)\s*\)/g)].map(([, tag, name]) => ({ tag, name }));
    return { path: `dist/${entry}.js`, tags };
  });
}

export function shippedPathsPlugin({ root = '.' } = {}) {
  return {
    name: 'membership-shipped-paths',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const shipped = readEntryExports(root);
      const entryOf = (module, name) => shipped.get(module.replace(/^\//, ''))?.get(name);
      const merged = new Map();
      for (const module of manifest.modules ?? []) {
        const paths = new Set((module.declarations ?? []).map((declaration) => entryOf(module.path, declaration.name)));
        if (paths.size !== 1 || paths.has(undefined)) {
          throw new Error(`custom-elements manifest: ${module.path} declares ${module.declarations.map((d) => d.name).join(', ')}, which no single public entry (${classEntries.join(', ')}) exports`);
        }
        const path = [...paths][0];
        const target = merged.get(path) ?? { ...module, path, declarations: [], exports: [] };
        target.declarations.push(...module.declarations);
        target.exports.push(...(module.exports ?? []));
        merged.set(path, target);
      }
      manifest.modules = [...merged.values()];
      // Every `{ name, module }` reference (exports, superclasses, inheritedFrom): the shipped entry,
      // or no module at all for an internal class a host cannot import.
      const visit = (node) => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        if (typeof node.module === 'string' && typeof node.name === 'string') {
          const path = node.module.startsWith('dist/') ? node.module : entryOf(node.module, node.name);
          if (path) node.module = path;
          else delete node.module;
        }
        Object.values(node).forEach(visit);
      };
      visit(manifest.modules);
      const declared = new Map(manifest.modules.flatMap((module) => module.declarations.map((d) => [d.name, module.path])));
      for (const { path, tags } of readDefinitions(root)) {
        const exports = tags.filter(({ name }) => declared.has(name)).map(({ tag, name }) => ({ kind: 'custom-element-definition', name: tag, declaration: { name, module: declared.get(name) } }));
        if (exports.length > 0) manifest.modules.push({ kind: 'javascript-module', path, declarations: [], exports });
      }
    },
  };
}
