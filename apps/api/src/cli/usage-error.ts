/** The command line itself is wrong: exit code 2, with a pointer to the command's --help. */
export class UsageError extends Error {}

/** A refusal that parseArgs throws for an unknown or malformed option. */
export function isParseArgsError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
