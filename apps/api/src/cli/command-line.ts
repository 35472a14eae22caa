import { isParseArgsError, UsageError } from './usage-error';

/**
 * `npm run accord -- <command>`. Each command's module is loaded only when it runs, so a quick
 * command (a token) does not pay for loading the whole app.
 */
interface CliCommand {
  synopsis: string;
  description: string;
  load(): Promise<{ run(args: string[]): Promise<void> }>;
}

const STORE_SETTINGS =
  'Uses the same store settings as the API (ACCORD_STORE, ACCORD_DB_FILE, DATABASE_URL, KURRENTDB_CONNECTION_STRING).';

const COMMANDS: Record<string, CliCommand> = {
  token: {
    synopsis: 'token --person <person-id> --partner <partner-id> [--expires <12h, 30d, …>]',
    description:
      'Prints a signed token for local use; send it as "Authorization: Bearer <token>". Expires after 12 hours unless --expires says otherwise.',
    load: () => import('./token.command'),
  },
  'sign-in-link': {
    synopsis: 'sign-in-link --person <person-id> --partner <partner-id> [--url <server base URL>]',
    description:
      'Prints a one-time link (valid 15 minutes) that signs the person, acting for the partner, into the web workspace. Off when OpenID Connect is configured.',
    load: () => import('./sign-in-link.command'),
  },
  migrate: {
    synopsis: 'migrate --from <store> --to <store>',
    description:
      'Copies a whole ledger in order (ids, times and hashes kept), resumes if interrupted, and verifies the copy. A store is sqlite:<file>, a postgres:// URL or a kurrentdb:// connection string.',
    load: () => import('./migrate.command'),
  },
  projections: {
    synopsis: 'projections rebuild [<name>] [--accept-log]',
    description: `Rebuilds one read model (or every one) from position zero into new tables, then switches them in; a running API keeps serving the old ones until then. A read model that has applied events the log no longer holds is refused; --accept-log (with the API stopped) rebuilds it from the log as it is and moves its checkpoint back. ${STORE_SETTINGS}`,
    load: () => import('./projections.command'),
  },
  verify: {
    synopsis: 'verify',
    description: `Recomputes the hash chain of every event of the ledger from the first, whatever an earlier check verified, then rebuilds every Merkle tree from the log and checks every signed checkpoint against it; exits 1 naming the first event whose chain does not match and each checkpoint the log no longer extends. ${STORE_SETTINGS}`,
    load: () => import('./verify.command'),
  },
  'seat-launchers': {
    synopsis: 'seat-launchers',
    description: `For a ledger begun before launching an initiative seated its launcher: seats the launcher of every initiative whose roster is empty as its backbone staff, from the launch's day, and leaves alone initiatives that already have role assignments. ${STORE_SETTINGS}`,
    load: () => import('./seat-launchers.command'),
  },
  demo: {
    synopsis: 'demo [--seed <n>]',
    description: `Records a realistic initiative into an empty ledger through the API, as its users would: twelve partners, named people, two years of meetings, decisions with votes, a recusal and a changed vote, an amended charter, commitments delivered, missed and overdue, risks, a grant, and indicators with a correction. The same seed gives the same demo. ${STORE_SETTINGS}`,
    load: () => import('./demo.command'),
  },
  witness: {
    synopsis:
      'witness --url <ledger URL> (--initiative <id> | --directory) --log-key <vkey> --key-file <file> --name <witness name> [--state <folder>] [--token <token>]',
    description:
      "A partner's witness: fetches the tree's signed checkpoint, checks it with the log key, checks that it extends the last one it cosigned (a consistency proof), then cosigns it and sends the cosignature to the ledger. The key file is made (mode 0600) with a new key on first use, and its verifier key printed. A checkpoint that does not extend the last one is refused (exit 1) and both notes are kept in --state (default ./data/witness) as evidence. The token comes from --token or ACCORD_TOKEN.",
    load: () => import('./witness.command'),
  },
  policy: {
    synopsis: 'policy',
    description:
      'Prints the policy table (who may run each mutation) as the markdown of the "Who may do what" section of docs/api-reference.md.',
    load: () => import('./policy.command'),
  },
};

/** Wraps text at 90 columns under a 6-space indent. */
function indented(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 90) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `      ${l}`).join('\n');
}

const help = (command: CliCommand) =>
  `usage: npm run --silent accord -- ${command.synopsis}\n\n${indented(command.description)}`;

const USAGE = `usage: npm run --silent accord -- <command> [--help]

commands:
${Object.values(COMMANDS)
  .map((command) => `  ${command.synopsis}\n${indented(command.description)}`)
  .join('\n')}

exit codes: 0 done, 1 the command failed (one line on stderr says why), 2 a usage error`;

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"; see --help`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(help(command));
    return;
  }
  try {
    await (await command.load()).run(rest);
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(error.message);
    if (error instanceof UsageError) throw new UsageError(`${error.message}; see ${name} --help`);
    throw error;
  }
}

/**
 * Runs one command line and answers its exit code: 0 done, 1 the command failed (its message
 * on one line of stderr), 2 a usage error.
 */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    await main(argv);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message.replace(/\s*\n\s*/g, ' '));
    return error instanceof UsageError ? 2 : 1;
  }
}
