/**
 * A broken business rule. `code` is stable (clients and tests match on it);
 * `field` names the input the rule is about, when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function rule(
  condition: boolean,
  code: string,
  message: string,
  field?: string,
): asserts condition {
  if (!condition) throw new DomainError(code, message, field);
}
