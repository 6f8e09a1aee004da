// tsc does not copy plain .js files; the precompiled validators are generated JavaScript, so copy them into dist.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('usage: copy-generated-js.mjs <fromDir> <toDir>');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  if (name.endsWith('.gen.js') || name.endsWith('.gen.d.ts')) copyFileSync(path.join(from, name), path.join(to, name));
}
