// A command line the command cannot act on (an unknown subcommand, flag or value): one line
// saying what is wrong, then the usage, and exit code 2, never a stack trace.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
