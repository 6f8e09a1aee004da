import { emitKinds } from './emit-kinds.js';
import { emitTypes } from './emit-types.js';
import { emitValidators, emitValidatorTypes } from './emit-validators.js';
import { generatedHeader } from './header.js';
import type { JsonSchema } from './json-schema.js';
import { normalizeSchema } from './normalize.js';

export interface CodegenInput {
  sourcePath: string;
  sourceText: string;
  argoVersion: string;
}

/** Everything codegen writes, as file name → content, so `check` can compare without touching the disk twice. */
export function generate(input: CodegenInput): Map<string, string> {
  const schema = normalizeSchema(JSON.parse(input.sourceText) as JsonSchema);
  const header = generatedHeader(input);
  return new Map([
    ['types.gen.ts', emitTypes(schema, { header, argoVersion: input.argoVersion })],
    ['kinds.gen.ts', emitKinds(header, input.argoVersion)],
    ['validators.gen.js', emitValidators(schema, header)],
    ['validators.gen.d.ts', emitValidatorTypes(header)],
  ]);
}
