import { IndentationText, Project, QuoteKind } from 'ts-morph';

/**
 * Assembles the module with ts-morph: the `@argo-gen/dsl` import, the declarations in order, the exports; then
 * ts-morph's formatter settles indentation and spacing (line breaking is done by the printer, Biome-style).
 */
export function emitModule(header: string, imports: ReadonlySet<string>, statements: readonly string[]): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  const file = project.createSourceFile('module.ts', '');
  const names = [...imports].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const line = `import { ${names.join(', ')} } from '@argo-gen/dsl';`;
  file.addStatements(
    line.length <= 120 ? line : `import {\n${names.map((n) => `  ${n},\n`).join('')}} from '@argo-gen/dsl';`,
  );
  file.addStatements(statements.map((s) => `\n${s}`).join('\n'));
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return `${header}\n${file.getFullText()}`;
}
