/** Writes docs/rules/<name>.md and docs/rules/README.md from the rules' own metadata. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/rules/index.js';
import { renderRuleDoc } from '../src/rules/docs.js';

let root = path.dirname(fileURLToPath(import.meta.url));
while (!fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
const dir = path.join(root, 'docs/rules');
fs.mkdirSync(dir, { recursive: true });
for (const r of RULES) fs.writeFileSync(path.join(dir, `${r.name}.md`), renderRuleDoc(r));
const index = ['# Rules', '', '| Code | Name | Fix | Summary |', '| --- | --- | --- | --- |', ...RULES.map((r) => `| ${r.code} | [${r.name}](${r.name}.md) | ${r.fixable} | ${r.summary} |`), ''];
fs.writeFileSync(path.join(dir, 'README.md'), index.join('\n'));
console.log(`wrote ${RULES.length} rule pages to ${path.relative(process.cwd(), dir) || dir}`);
