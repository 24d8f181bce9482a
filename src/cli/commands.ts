// The subcommands of `consinco-conformance`, as one table: each names the module that runs it
// (the same module an npm script runs in this repository), its own flags, and the environment
// variables it reads (each also a flag). Adding a subcommand is adding an entry; its --help,
// its flags and the check of its command line follow from the entry.
// A module reads its arguments from process.argv.slice(2) and sets process.exitCode.

import { CONFIG_VARIABLES, type ConfigVariable } from '../config/config.ts';
import { BROKER_VARIABLES } from '../pact/broker/brokerConfig.ts';
import { CONTRACT_VARIABLES } from '../pact/participants.ts';

export interface CommandOption {
  name: string;
  /** What the value is, for --help; absent for a switch. */
  value?: string;
  multiple?: boolean;
  description: string;
}

export interface Subcommand {
  words: readonly string[];
  summary: string;
  /** Relative to src/, without extension. */
  module: string;
  /** Arguments the module receives before the user's. */
  moduleArgs?: readonly string[];
  /** The operands after the flags, for --help (e.g. `<file>`); absent when it takes none. */
  operands?: string;
  options: readonly CommandOption[];
  variables: readonly ConfigVariable[];
  /** Set when arguments it does not know go to the module untouched; says where they go. */
  passThrough?: string;
  /** Conventional variables it also reads, which are not settings of the suite (no flag). */
  alsoReads?: string;
  exitCodes: string;
}

const GATE_EXITS = '0 conforming, 1 findings fail the gate (or a live token leaked), 2 could not test';

/** What reading a live /Help uses: its address, and the run's deadline, size cap and TLS choices. */
const HELP_VARIABLES = CONFIG_VARIABLES.filter((v) => ['HELP_URL', 'REQUEST_TIMEOUT_MS', 'MAX_RESPONSE_BYTES', 'CA_FILE', 'INSECURE_TLS'].includes(v.name));
const DOC_OPTION: CommandOption = { name: 'doc', value: 'page|folder|URL', description: 'A Help Page (any rendering), a folder of them, or a live /Help URL, instead of the project\'s own refresh-token page.' };

function brokerCommand(action: string, summary: string): Subcommand {
  return {
    words: ['pact', action], summary, module: 'pact/broker/cli', moduleArgs: [action], options: [],
    variables: [...BROKER_VARIABLES, ...CONTRACT_VARIABLES],
    exitCodes: 'the Pact CLI\'s (0 success, non-zero when the broker says no or fails), 2 broker configuration missing or invalid',
  };
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    words: ['run'], summary: 'Run the conformance gate: probes, Pact contracts, reports (the default subcommand).',
    module: 'cli/conformance', options: [], variables: [...CONFIG_VARIABLES, ...CONTRACT_VARIABLES],
    passThrough: 'Other arguments go to mocha, as after `npm test --` (e.g. --grep <pattern>, --bail).',
    alsoReads: 'NO_COLOR (no colours when set), JAVA_HOME (the Java that validates XML against the XSDs)',
    exitCodes: GATE_EXITS,
  },
  {
    words: ['validate'], summary: 'Validate a captured request, response or error body (JSON or XML) offline.',
    module: 'validate/cli', operands: '<file>', variables: HELP_VARIABLES,
    options: [
      DOC_OPTION,
      { name: 'kind', value: 'request|response|error', description: 'What the body is (default: detected).' },
      { name: 'naming', value: 'auto|backing-field|documented', description: 'Naming to validate against (default: auto, the one recognised).' },
    ],
    exitCodes: '0 valid, 1 invalid, 2 unusable input (missing file, unknown format, bad option)',
  },
  {
    words: ['schemas'], summary: 'Write the JSON Schemas, XSDs and naming map generated from the Help Page.',
    module: 'schemas/cli', variables: HELP_VARIABLES,
    options: [
      { ...DOC_OPTION, description: `${DOC_OPTION.description} Needs --out.` },
      { name: 'out', value: 'dir', description: 'Folder to write them to (default: the package\'s schemas/).' },
      { name: 'check', description: 'Write nothing; exit 1 when the folder differs from what the doc gives.' },
    ],
    exitCodes: '0 written or up to date, 1 differs (--check), 2 could not generate',
  },
  {
    words: ['doc'], summary: 'doc check: read Help Pages (a page, a folder or a live /Help), generate their schemas and validate each page\'s own samples.',
    module: 'doc/cli', operands: 'check [page | folder | URL] (default: HELP_URL)', variables: HELP_VARIABLES, options: [],
    exitCodes: '0 every sample valid, 1 a sample is not (named, with Received / Expected), 2 a page cannot be read (file and line)',
  },
  {
    words: ['reference-server'], summary: 'Serve the reference provider (a stand-in Consinco auth server) until Ctrl-C.',
    module: 'reference/cli', variables: [],
    options: [
      { name: 'port', value: 'n', description: 'Port on 127.0.0.1 (default: 0, any free port).' },
      { name: 'naming', value: 'backing-field|documented', description: 'Field naming it emits (default: backing-field).' },
      { name: 'fault', value: 'id', multiple: true, description: 'Inject a fault (repeatable; --list-faults shows them).' },
      { name: 'user', value: 'company:username:password', multiple: true, description: 'A user that can log in (repeatable; default: the synthetic users).' },
      { name: 'slow-ms', value: 'n', description: 'How long the slow-response fault holds each answer back.' },
      { name: 'list-faults', description: 'Print the fault catalogue and exit.' },
    ],
    exitCodes: '0 stopped cleanly, 2 bad arguments',
  },
  brokerCommand('publish', 'Publish ./contracts to the Pact Broker.'),
  brokerCommand('can-i-deploy', 'Ask the Pact Broker whether this version may be deployed to PACT_ENVIRONMENT.'),
  brokerCommand('record-deployment', 'Tell the Pact Broker this version was deployed to PACT_ENVIRONMENT.'),
];

export const COMMAND_NAME = 'consinco-conformance';

export const DEFAULT_SUBCOMMAND = SUBCOMMANDS[0]!;
