#!/usr/bin/env node
// Framework typings from the manifest: dist/frameworks/react.d.ts (React 19 JSX.IntrinsicElements)
// and dist/frameworks/vue.d.ts (Vue GlobalComponents), shipped as `membership-elements/react` and `/vue`.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

// Arguments (for the test): manifest, output folder, and where the element classes' types are.
const [manifestPath = 'dist/custom-elements.json', outdir = 'dist/frameworks', typesPath = '../types/index.js'] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const options = { outdir, globalTypePath: typesPath, hideLogs: true };

generateJsxTypes(structuredClone(manifest), { ...options, fileName: 'react.d.ts' });
generateVuejsTypes(structuredClone(manifest), { ...options, fileName: 'vue.d.ts' });

/**
 * The generators assume `@fires {Detail}`; ours name the event class, which already is a CustomEvent;
 * they import an event twice when two elements fire it; Vue's needs no global JSX (it would clash with React's).
 */
function fix(file, extra = '') {
  let text = readFileSync(file, 'utf8');
  text = text.replace(/CustomEvent<(\w+Event)>/g, '$1');
  text = text.replace(/declare global \{\s*namespace JSX \{[\s\S]*?\n\}\n/, '');
  text = text.replace(/import type \{([^}]*)\} from/g, (_, names) => `import type {${[...new Set(names.split(',').map((n) => n.trim()).filter(Boolean))].map((n) => `\n  ${n},`).join('')}\n} from`);
  writeFileSync(file, `// Generated from custom-elements.json by scripts/cem/frameworks.mjs.\n${text}${extra}`);
}

fix(`${outdir}/react.d.ts`, `
// React 19 passes props to custom elements as properties and \`on<event-name>\` props as listeners.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`);
fix(`${outdir}/vue.d.ts`);
