import { parseArgs } from 'node:util';
import { TokenService } from '../auth/token.service';
import { loadConfig } from '../config/accord-config';
import { UsageError } from './usage-error';

export async function run(args: string[]): Promise<void> {
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
