import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One broken field rule, as the API reports it under extensions.fields. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

interface ResponseError {
  message: string;
  extensions?: { code?: string; fields?: FieldError[]; rule?: string; field?: string };
}

/** A GraphQL answer with errors: the first error's code, and every field error by field path. */
export class GraphqlRequestError extends Error {
  readonly code: string;
  readonly rule: string | undefined;
  readonly fields: FieldError[];

  constructor(readonly errors: ResponseError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'GraphqlRequestError';
    this.code = errors[0]?.extensions?.code ?? 'UNKNOWN';
    this.rule = errors[0]?.extensions?.rule;
    this.fields = errors.flatMap((error) => {
      const ext = error.extensions;
      if (ext?.fields) return ext.fields;
      // A domain rule names the one field it is about.
      if (ext?.field && ext.rule)
        return [{ field: ext.field, rule: ext.rule, message: error.message }];
      return [];
    });
  }

  /** The entity changed since the revision the form was made on (expectedRevision). */
  get stale(): boolean {
    return this.code === 'CONFLICT' && this.rule === 'CONCURRENCY';
  }

  /** The message for one input field (matched on the last segment of its path). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.endsWith(`.${name}`))?.message;
  }
}

/**
 * Called when the API answers that no one is signed in (extensions.code UNAUTHENTICATED): the
 * session ended (expired or signed out elsewhere) since the page named who was signed in.
 */
let onSignedOut: (() => void) | undefined;

/** Who to tell when the API no longer knows the reader (the app shows the sign-in screen). */
export function whenSignedOut(listener: (() => void) | undefined): void {
  onSignedOut = listener;
}

/** Sends a typed operation to the API with the session cookie; the result is typed by the document. */
export async function request<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables> & { toString(): string },
  variables: Variables,
): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: Result;
    errors?: ResponseError[];
  };
  if (body.errors?.length) {
    const error = new GraphqlRequestError(body.errors);
    if (error.code === 'UNAUTHENTICATED') onSignedOut?.();
    throw error;
  }
  if (!response.ok || body.data === undefined)
    throw new GraphqlRequestError([{ message: `the server answered ${response.status}` }]);
  return body.data;
}
