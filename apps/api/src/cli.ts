import { parseArgs } from 'node:util';
import { TokenService } from './auth/token.service';
import { ConfigError, loadConfig } from './config/accord-config';

const USAGE = `usage: npm run --silent accord -- <command>

commands:
  token --person <person-id> --partner <partner-id> [--expires <duration, e.g. 12h, 30d>]
      prints a signed token for local use; send it as "Authorization: Bearer <token>"`;

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
  const tokens = new TokenService(config.jwt);
  process.stdout.write(
    `${await tokens.issue({ personId: values.person, partnerId: values.partner }, values.expires)}\n`,
  );
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'token':
      return token(rest);
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
  else if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
