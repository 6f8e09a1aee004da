import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isArgoGenError, lintSecurity, type SecurityMode, validateSchema } from '@argo-gen/model';
import { securityOptions } from '../../packages/cli/src/security-options.js';
import { readPodSpecPatch } from '../../packages/cli/src/yaml/pod-spec-patch.js';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from '../corpus.js';
import { EXAMPLES_DIR } from '../paths.js';

/** Every security finding on Argo's upstream examples (schema-valid documents), as `file: severity code path`. */
export function upstreamFindings(mode: SecurityMode): string[] {
  const options = { ...securityOptions(undefined, { security: mode }), parsePatch: readPodSpecPatch };
  const out: string[] = [];
  for (const file of listYamlFiles(EXAMPLES_DIR)) {
    let docs: ReturnType<typeof readDocuments>;
    try {
      docs = readDocuments(readFileSync(file, 'utf8'), file);
    } catch (error) {
      if (!isArgoGenError(error)) throw error; // unparseable: listed by upstream-corpus.test.ts
      continue;
    }
    for (const d of docs) {
      if (validateSchema(d.value).status !== 'valid') continue;
      for (const i of lintSecurity(d.value, options))
        out.push(`${path.relative(EXAMPLES_DIR, file)}: ${i.severity} ${i.code} ${i.path}`);
    }
  }
  return out;
}

/** Findings counted by code. */
export function countByCode(findings: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const code = (/ (security\/[\w-]+) /.exec(f) as RegExpExecArray)[1] as string;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
