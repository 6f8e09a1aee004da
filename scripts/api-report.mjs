// The public API of each package, as API Extractor reads it from the build's declarations (dist/index.d.ts), is
// committed as packages/<name>/api/<name>.api.md so that a change to the public surface shows in review.
//   node scripts/api-report.mjs           check: exit 1 naming each package whose surface differs from its report
//   node scripts/api-report.mjs --update  rewrite the reports (then commit them)
// Needs `pnpm build` first (the test command builds).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const { values } = parseArgs({ options: { update: { type: 'boolean', default: false } }, strict: true });
const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['model', 'dsl', 'steps', 'kube', 'import', 'simulate', 'cli'];

const changed = [];
for (const name of PACKAGES) {
  const folder = path.join(root, 'packages', name);
  mkdirSync(path.join(folder, 'api'), { recursive: true });
  const config = ExtractorConfig.loadFileAndPrepare(path.join(folder, 'api-extractor.json'));
  const result = Extractor.invoke(config, {
    localBuild: values.update,
    showVerboseMessages: false,
    messageCallback: (m) => {
      // Only errors and warnings about the API itself; the progress lines are noise in the test log.
      if (m.logLevel === 'error' || m.logLevel === 'warning') {
        process.stderr.write(`${name}: ${m.text}\n`);
      }
      m.handled = true;
    },
  });
  if (result.apiReportChanged && !values.update) changed.push(name);
  else if (!result.succeeded) changed.push(`${name} (errors above)`);
}
if (changed.length > 0) {
  process.stderr.write(
    `the public API differs from its committed report in: ${changed.join(', ')}\n` +
      'review the change, then run `node scripts/api-report.mjs --update` and commit packages/*/api/*.api.md\n',
  );
  process.exit(1);
}
process.stdout.write(`${values.update ? 'updated' : 'checked'} the API reports of ${PACKAGES.join(', ')}\n`);
