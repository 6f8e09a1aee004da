import { type Issue, issue } from './issue.js';
import { escapeToken, valueAt } from './json-pointer.js';
import { quote } from './quote.js';
import type { AjvError } from './standalone-validator.js';

/** Turns ajv's errors into Issues whose messages name the field and the offending value. */
export function schemaIssues(doc: unknown, errors: readonly AjvError[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of errors) {
    const mapped = fromAjv(doc, e);
    const key = `${mapped.path}\u0000${mapped.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mapped);
  }
  return out;
}

function fromAjv(doc: unknown, e: AjvError): Issue {
  const at = e.instancePath;
  const value = valueAt(doc, at);
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(e.params.additionalProperty);
      return issue('schema/unknown-field', `${at}/${escapeToken(field)}`, `unknown field ${quote(field)}`);
    }
    case 'required': {
      const field = String(e.params.missingProperty);
      return issue('schema/missing-field', at, `missing required field '${field}'`);
    }
    case 'type': {
      const types = ([] as unknown[]).concat(e.params.type).map(String);
      return issue(
        'schema/wrong-type',
        at,
        `${fieldName(at)} must be ${types.map(article).join(' or ')} (got ${describe(value)})`,
      );
    }
    case 'const':
      return issue(
        'schema/not-allowed',
        at,
        `${fieldName(at)} must be ${JSON.stringify(e.params.allowedValue)} (got ${describe(value)})`,
      );
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return issue('schema/not-allowed', at, `${fieldName(at)} must be one of ${allowed} (got ${describe(value)})`);
    }
    case 'format':
      return issue(
        'schema/bad-format',
        at,
        `${fieldName(at)} must be a valid ${String(e.params.format)} (got ${describe(value)})`,
      );
    default:
      return issue('schema/invalid', at, `${fieldName(at)} ${e.message ?? 'is invalid'}`);
  }
}

function fieldName(ptr: string): string {
  const last = ptr
    .slice(ptr.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  if (ptr === '') return 'the document';
  return /^\d+$/.test(last) ? `item ${last}` : `'${last}'`;
}

const ARTICLES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

function article(type: string): string {
  return ARTICLES[type] ?? type;
}

/** A short, unambiguous rendering of a value for a message: type and (truncated) content. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}
