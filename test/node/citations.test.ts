// Comments and documents cite documents of this repository only: the design input the project was
// started from is not part of a clone (docs/architecture.md, docs/domain.md, docs/toolchain.md hold it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Built from parts so this file does not cite them itself.
const names = ['DESIGN', 'DOMAIN', 'TOOLCHAIN', 'STYLE'];
const citation = new RegExp(`\\b(?:${names.join('|')})(?:\\.md\\b|\\s+(?:§|rules\\b|pitfall|decision))|\\.\\./${'shared'}/(?:${names.join('|')}|seeds)`);

test('no file of the repository cites a document outside it', () => {
  // Tracked and new files; node_modules, dist and other ignored output are left out by .gitignore.
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  assert.ok(files.length > 100, 'the file list was read');
  const found: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(`${root}/${file}`, 'utf8');
    } catch {
      continue; // deleted in the working tree
    }
    text.split('\n').forEach((line, index) => {
      if (citation.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});
