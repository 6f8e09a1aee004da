import { createHash } from 'node:crypto';

export interface HeaderInput {
  /** The input path as written in the header: relative to the repository root, so it is the same on every machine. */
  sourcePath: string;
  sourceText: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The banner every generated file opens with: what it came from and how to make it again. */
export function generatedHeader(inputs: readonly HeaderInput[]): string {
  return [
    '// GENERATED FILE. DO NOT EDIT: change packages/codegen and run `pnpm codegen`.',
    ...inputs.map((input) => `// Input: ${input.sourcePath} (sha256 ${sha256(input.sourceText)})`),
    '// Command: pnpm codegen (packages/codegen/src/main.ts)',
    '',
    '',
  ].join('\n');
}
