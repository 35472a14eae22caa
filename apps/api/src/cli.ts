import { runCommandLine } from './cli/command-line';

/** `npm run accord -- <command>`: the command table and its exit codes are in cli/command-line.ts. */
void runCommandLine(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exit(code);
});
