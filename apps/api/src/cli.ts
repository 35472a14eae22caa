import {
  type EventStore,
  KurrentDbEventStore,
  migrateLedger,
  MigrationError,
  PostgresEventStore,
  redactConnectionString,
  SqliteEventStore,
} from '@accord/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, rebuildProjection } from '@accord/projections';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderPolicyTable } from './auth/policy-table';
import { TokenService } from './auth/token.service';
import { SIGN_IN_LINK_USAGE, signInLinkCommand } from './auth/sign-in-link.command';
import { SignInRefused } from './auth/sign-in-links';
import { ConfigError, loadConfig } from './config/accord-config';
import { openLedger, redactUrl, StoreUnavailableError } from './ledger/open-ledger';
import { RebuildProgressReporter } from './rebuild-progress';
import { createApp } from './bootstrap';
import { LauncherSeat } from './initiatives/launcher-seat';
import { LEDGER } from './ledger/ledger.tokens';
import { type Ledger } from './ledger/open-ledger';

const USAGE = `usage: npm run --silent accord -- <command>

commands:
  token --person <person-id> --partner <partner-id> [--expires <duration, e.g. 12h, 30d>]
      prints a signed token for local use; send it as "Authorization: Bearer <token>"
${SIGN_IN_LINK_USAGE}
  migrate --from <store> --to <store>
      copies a whole ledger in order (ids, times and hashes kept), resumes if interrupted,
      and verifies the copy; a store is sqlite:<file>, a postgres:// URL or a kurrentdb://
      connection string
  projections rebuild [<name>]
      rebuilds one read model (or every one) from position zero into new tables, then switches
      them in; a running API keeps serving the old ones until then. Uses the same store
      settings as the API (ACCORD_STORE, ACCORD_DB_FILE, DATABASE_URL, KURRENTDB_CONNECTION_STRING)
  seat-launchers
      for a ledger begun before launching an initiative seated its launcher: seats the launcher
      of every initiative whose roster is empty as its backbone staff, from the launch's day,
      and leaves alone initiatives that already have role assignments
  policy
      prints the policy table (who may run each mutation) as the markdown of the README's
      "Who may do what" section`;

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      person: { type: 'string' },
      partner: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
  });
  if (!values.person || !values.partner) throw new UsageError('token needs --person and --partner');
  const config = loadConfig();
  const tokens = new TokenService(config.jwt, config.oidc);
  process.stdout.write(
    `${await tokens.issue({ personId: values.person, partnerId: values.partner }, values.expires)}\n`,
  );
}

class UsageError extends Error {}

async function openStore(spec: string): Promise<{ store: EventStore; name: string }> {
  if (spec.startsWith('sqlite:')) {
    const file = resolve(spec.slice('sqlite:'.length));
    return { store: new SqliteEventStore(file), name: `SQLite ${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(spec)) {
    return { store: await PostgresEventStore.connect(spec), name: `PostgreSQL ${redactUrl(spec)}` };
  }
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(spec)) {
    return {
      store: await KurrentDbEventStore.connect(spec),
      name: `KurrentDB ${redactConnectionString(spec)}`,
    };
  }
  throw new UsageError(
    `"${spec}" is not a store: use sqlite:<file>, a postgres:// URL or a kurrentdb:// connection string`,
  );
}

async function migrate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  });
  if (!values.from || !values.to) throw new UsageError('migrate needs --from and --to');
  const from = await openStore(values.from);
  const to = await openStore(values.to).catch(async (error: unknown) => {
    await from.store.close();
    throw error;
  });
  try {
    console.error(`copying ${from.name} -> ${to.name}`);
    const result = await migrateLedger(from.store, to.store, {
      onProgress: (p) =>
        console.error(
          `  ${p.skipped + p.copied} of ${p.sourceHead} positions (${p.copied} copied now)`,
        ),
    });
    console.error(
      `done: ${result.copied} events copied, ${result.skipped} already there; the copy verifies`,
    );
  } finally {
    await from.store.close();
    await to.store.close();
  }
}

async function projections(args: string[]): Promise<void> {
  const [action, name, ...extra] = args;
  if (action !== 'rebuild' || extra.length > 0) {
    throw new UsageError('usage: projections rebuild [<name>]');
  }
  const chosen = name ? ALL_PROJECTIONS.filter((p) => p.name === name) : [...ALL_PROJECTIONS];
  if (chosen.length === 0) {
    throw new UsageError(
      `no read model named "${name}": ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
    );
  }
  const ledger = await openLedger(loadConfig().store);
  const progress = new RebuildProgressReporter();
  try {
    for (const projection of chosen) {
      progress.start();
      const result = await rebuildProjection(ledger.readModels, ledger.store, projection, {
        onProgress: (p) => progress.report(p),
      });
      progress.done(
        `${result.projection}: rebuilt from ${result.eventsApplied} events and switched in at position ${result.position}`,
      );
    }
  } finally {
    await ledger.close();
  }
}

async function seatLaunchers(args: string[]): Promise<void> {
  if (args.length > 0) throw new UsageError('usage: seat-launchers');
  const app = await createApp(loadConfig(), ['error']);
  await app.init();
  try {
    const ledger = app.get<Ledger>(LEDGER);
    await app.get(ProjectionRunner).waitFor(await ledger.store.headPosition(), 600_000);
    const initiatives = await ledger.readModels.all<{ initiative_id: string }>(
      'SELECT initiative_id FROM rm_initiatives ORDER BY launched_position',
    );
    const seat = app.get(LauncherSeat);
    const correlationId = randomUUID();
    for (const { initiative_id: initiativeId } of initiatives)
      console.log(`${initiativeId}: ${await seat.backfill(initiativeId, correlationId)}`);
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'token':
      return token(rest);
    case 'sign-in-link':
      console.log(await signInLinkCommand(rest, loadConfig()));
      return;
    case 'migrate':
      return migrate(rest);
    case 'projections':
      return projections(rest);
    case 'seat-launchers':
      return seatLaunchers(rest);
    case 'policy':
      console.log(renderPolicyTable());
      return;
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof StoreUnavailableError ||
    error instanceof SignInRefused
  )
    console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
