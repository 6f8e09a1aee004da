/** The shape of an ajv standalone validation function, as the generated module exports it. */
export interface StandaloneValidator {
  /** `instancePath` is where `data` sits in the document, so that errors point into the document. */
  (data: unknown, context?: { readonly instancePath?: string }): boolean;
  errors?: AjvError[] | null;
}

/** ajv's error object (the fields we read). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
