/**
 * The words and characters both readers of plain `depends` logic share (depends.ts reads the controller's expanded
 * text, depends-read.ts the text a team wrote): what expr-lang does not take for a name, the results a name may have,
 * the blanks between tokens, and how `&&` and `||` chains group.
 */
import { TASK_RESULTS } from '@argo-gen/model';
import type { PlainLogic } from './depends.js';

/** Words expr-lang does not read as a name: its word operators and its literals. */
export const NOT_A_NAME: ReadonlySet<string> = new Set([
  'not',
  'in',
  'or',
  'and',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  'let',
  'if',
  'else',
  'true',
  'false',
  'nil',
]);

/** The fields of the controller's TaskResults. */
export const RESULT_FIELDS: ReadonlySet<string> = new Set(TASK_RESULTS);

/** The blanks expr-lang's lexer skips that plain logic allows (ASCII only: a wider blank goes to expr-lang). */
export const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * `a && b && c` and `a || b || c` group from the left, as expr-lang's precedence climbing does: `operand` reads each
 * term, `takeOp` consumes the operator when it is next.
 */
export function readJoined<R>(
  r: R,
  op: '&&' | '||',
  operand: (r: R) => PlainLogic | undefined,
  takeOp: (r: R, op: '&&' | '||') => boolean,
): PlainLogic | undefined {
  let left = operand(r);
  while (left && takeOp(r, op)) {
    const right = operand(r);
    left = right && { op, left, right };
  }
  return left;
}
