// The run cannot start against this target: it is unreachable, does not speak HTTP or has no
// such endpoint. Like a config error this ends the run with exit code 2, not a wall of timeouts.

export class TargetUnreachableError extends Error {
  constructor(readonly target: string, reason: string) {
    super(`target ${target} is not usable: ${reason}`);
    this.name = 'TargetUnreachableError';
  }
}
