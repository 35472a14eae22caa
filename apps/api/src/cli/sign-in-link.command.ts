import { signInLinkCommand } from '../auth/sign-in-link.command';
import { loadConfig } from '../config/accord-config';

export async function run(args: string[]): Promise<void> {
  console.log(await signInLinkCommand(args, loadConfig()));
}
