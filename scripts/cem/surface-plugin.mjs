// Analyzer plugin: makes the manifest say exactly what a host page may use.
// - A public element's members are its reactive properties (decorator or `static properties`, never
//   `state`), the fields and methods its class header lists (`@property`, `@method`); the rest is internal.
// - Events named `{EventClass}` get their detail type, read from `extends CustomEvent<Detail>`.
// - `--mb-*` tokens get their default value from src/elements/shared/tokens.ts.
// - Only public elements and their event classes stay: rules, API and internal blocks are documented
//   by their TypeScript types, and a 600 KB manifest would be shipped and embedded in Storybook.
import { readFileSync } from 'node:fs';

/** Reads `--mb-*: value;` of the light theme (the first `:where(:root)` block). */
export function readTokenDefaults(file = 'src/elements/shared/tokens.ts') {
  const source = readFileSync(file, 'utf8');
  const block = /:where\(:root\)\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  return new Map([...block.matchAll(/(--mb-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2].trim()]));
}

const decoratorName = (ts, decorator) => {
  const call = decorator.expression;
  return ts.isCallExpression(call) ? call.expression.getText() : call.getText();
};

const hasStateOption = (ts, node) =>
  ts.isObjectLiteralExpression(node) &&
  node.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);

/** Name of the function or variable a class expression sits in (a mixin), if any. */
function enclosingName(ts, node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ((ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent)) && parent.name) return parent.name.getText();
    if (ts.isSourceFile(parent)) return undefined;
  }
  return undefined;
}

export function membershipSurfacePlugin({ tokenFile } = {}) {
  /** class name → { reactive: Set, state: Set, methods: Set, fields: Set } */
  const classes = new Map();
  /** event class → detail type name; interface name → its members as text */
  const eventDetails = new Map();
  const interfaces = new Map();

  const classInfo = (name) => {
    if (!classes.has(name)) classes.set(name, { reactive: new Set(), state: new Set(), methods: new Set(), fields: new Set() });
    return classes.get(name);
  };

  return {
    name: 'membership-surface',
    analyzePhase({ ts, node }) {
      if (ts.isInterfaceDeclaration(node)) {
        const members = node.members.filter(ts.isPropertySignature).map((m) => `${m.name.getText()}${m.questionToken ? '?' : ''}: ${m.type?.getText() ?? 'unknown'}`);
        interfaces.set(node.name.getText(), members);
        return;
      }
      if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) return;
      // A mixin's class is known to the analyzer by the mixin's name (function or variable).
      const name = node.name?.getText() ?? enclosingName(ts, node);
      if (!name) return;
      const info = classInfo(name);
      const mixin = enclosingName(ts, node);
      if (mixin && mixin !== name) classes.set(mixin, info);
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          if (type.expression.getText() === 'CustomEvent' && type.typeArguments?.[0]) eventDetails.set(name, type.typeArguments[0].getText());
        }
      }
      for (const member of node.members) {
        const memberName = member.name?.getText();
        if (!memberName) continue;
        for (const decorator of ts.getDecorators?.(member) ?? []) {
          const kind = decoratorName(ts, decorator);
          if (kind === 'property') info.reactive.add(memberName);
          if (kind === 'state') info.state.add(memberName);
        }
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (isStatic && memberName === 'properties') {
          let object = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
          if (ts.isGetAccessorDeclaration(member)) {
            const ret = member.body?.statements.find(ts.isReturnStatement);
            object = ret?.expression;
          }
          while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression?.(object) || ts.isParenthesizedExpression(object))) object = object.expression;
          if (object && ts.isObjectLiteralExpression(object)) {
            for (const entry of object.properties) {
              if (!ts.isPropertyAssignment(entry)) continue;
              (hasStateOption(ts, entry.initializer) ? info.state : info.reactive).add(entry.name.getText());
            }
          }
        }
      }
      // The class header lists the non-reactive public API: `@method name - …`, `@property name - …`.
      for (const doc of node.jsDoc ?? []) {
        for (const tag of doc.tags ?? []) {
          const tagName = tag.tagName.getText();
          const comment = typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((c) => c.text).join('');
          const listed = /^\s*([\w$]+)/.exec(tag.name?.getText?.() ?? comment)?.[1];
          if (tagName === 'method' && listed) info.methods.add(listed);
          if ((tagName === 'property' || tagName === 'prop') && listed) info.fields.add(listed);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const tokenDefaults = readTokenDefaults(tokenFile);
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.tagName) continue;
          const owner = (member) => classInfo(member.inheritedFrom?.name ?? declaration.name);
          // The description belongs to the header's own methods (`@method reset - …` adds them when missing).
          declaration.members = (declaration.members ?? []).filter((member) => {
            if (member.static || member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#')) return false;
            const info = owner(member);
            if (member.kind === 'method') return info.methods.has(member.name);
            return (info.reactive.has(member.name) && !info.state.has(member.name)) || info.fields.has(member.name);
          });
          declaration.attributes = (declaration.attributes ?? []).filter((attribute) => {
            if (!attribute.fieldName) return true;
            const info = classInfo(attribute.inheritedFrom?.name ?? declaration.name);
            return !info.state.has(attribute.fieldName);
          });
          for (const event of declaration.events ?? []) {
            const detail = eventDetails.get(event.type?.text ?? '');
            if (!detail) continue;
            const fields = interfaces.get(detail);
            event.detailType = fields ? { text: detail, fields } : { text: detail };
            const shown = fields ? `\`${detail}\` { ${fields.join('; ')} }` : `\`${detail}\``;
            if (!event.description?.includes('Detail:')) event.description = `${event.description ?? ''} Detail: ${shown}.`.trim();
          }
          for (const property of declaration.cssProperties ?? []) {
            if (property.default === undefined && tokenDefaults.has(property.name)) property.default = tokenDefaults.get(property.name);
          }
        }
      }
      prune(customElementsManifest);
    },
  };
}

/** Keeps the public elements (inherited members already copied in) and the event classes they fire. */
function prune(manifest) {
  const declarations = (manifest.modules ?? []).flatMap((module) => module.declarations ?? []);
  const events = new Set(declarations.filter((d) => d.tagName).flatMap((d) => (d.events ?? []).map((e) => e.type?.text)).filter(Boolean));
  const kept = (declaration) => Boolean(declaration.tagName) || (declaration.kind === 'class' && events.has(declaration.name));
  for (const module of manifest.modules ?? []) {
    module.declarations = (module.declarations ?? []).filter(kept);
    const names = new Set(module.declarations.map((d) => d.name));
    module.exports = (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition' ? names.has(entry.declaration?.name) : names.has(entry.name));
  }
  manifest.modules = (manifest.modules ?? []).filter((module) => module.declarations.length > 0);
}
