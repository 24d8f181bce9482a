// Runs the reference provider on its own, for manual probing and for other tools:
//   npm run reference-server -- --port 8080 [--naming documented] [--fault id]... [--user c:u:p]... [--corp-user g:e:p]... [--slow-ms n] [--list-faults]
// Prints one line, `listening on <url>`, once it serves; stops cleanly on SIGINT/SIGTERM.
// Bad arguments print a message and exit with code 2.

import { parseArgs } from 'node:util';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, FAULTS, startReferenceProvider, type ReferenceUser } from './index.ts';

class UsageError extends Error {}

const USAGE = 'usage: reference-server [--port <n>] [--naming backing-field|documented] [--fault <id>]... [--user <company>:<username>:<password>]... [--corp-user <groupId>:<email>:<password>]... [--slow-ms <n>] [--list-faults]';

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '0' },
      naming: { type: 'string', default: 'backing-field' },
      fault: { type: 'string', multiple: true, default: [] },
      user: { type: 'string', multiple: true, default: [] },
      'corp-user': { type: 'string', multiple: true, default: [] },
      'slow-ms': { type: 'string' },
      'list-faults': { type: 'boolean', default: false },
    },
  });
  if (values['list-faults']) {
    process.stdout.write(FAULTS.map((f) => `${f.id}\t${f.catches.join(',')}\t${f.endpoints.join(',')}\t${f.description}\n`).join(''));
    return;
  }
  const naming = values.naming;
  if (naming !== 'backing-field' && naming !== 'documented') throw new UsageError(`--naming must be backing-field or documented, not "${naming}"`);
  const provider = await startReferenceProvider({
    port: integer('--port', values.port),
    naming,
    faults: values.fault,
    users: values.user.length > 0 ? values.user.map(parseUser) : DEFAULT_USERS,
    corpUsers: values['corp-user'].length > 0 ? values['corp-user'].map(parseCorpUser) : DEFAULT_CORP_USERS,
    ...(values['slow-ms'] === undefined ? {} : { slowMs: integer('--slow-ms', values['slow-ms']) }),
    log: (line) => console.error(line),
  });
  const stop = () => void provider.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`listening on ${provider.url}`);
}

function integer(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, not "${text}"`);
  return Number(text);
}

/** `first:username:password`; the password may itself contain colons. */
function splitCredentials(flag: string, shape: string, text: string): [string, string, string] {
  const [first, username, ...rest] = text.split(':');
  const password = rest.join(':');
  if (!first || !username || !password) throw new UsageError(`${flag} must be ${shape}`);
  return [first, username, password];
}

function parseUser(text: string): ReferenceUser {
  const [company, username, password] = splitCredentials('--user', '<company>:<username>:<password>', text);
  return { company, username, password };
}

function parseCorpUser(text: string): ReferenceUser {
  const [groupId, username, password] = splitCredentials('--corp-user', '<groupId>:<email>:<password>', text);
  return { groupId: integer('--corp-user group id', groupId), username, password };
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`reference-server: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exitCode = 2;
});
