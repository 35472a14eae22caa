import { parseArgs } from 'node:util';
import { type AccordConfig } from '../config/accord-config';
import { openLedger } from '../ledger/open-ledger';
import { SignInLinks, SignInRefused, signInUrl } from './sign-in-links';

/** `npm run accord -- sign-in-link …`: stores a single-use code and prints the link carrying it. */
export async function signInLinkCommand(args: string[], config: AccordConfig): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      person: { type: 'string' },
      partner: { type: 'string' },
      url: { type: 'string' },
    },
    strict: true,
  });
  if (!values.person || !values.partner)
    throw new SignInRefused('sign-in-link needs --person and --partner');
  if (config.oidc)
    throw new SignInRefused(
      `people sign in through the OpenID Connect issuer ${config.oidc.issuer}; sign-in links are off`,
    );
  const ledger = await openLedger(config.store);
  try {
    const code = await new SignInLinks(ledger.readModels).createCode({
      personId: values.person,
      partnerId: values.partner,
    });
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return signInUrl(values.url ?? `http://${host}:${config.port}`, code);
  } finally {
    await ledger.close();
  }
}
