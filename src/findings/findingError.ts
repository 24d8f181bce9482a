// How a conformance test fails on a finding: an error with the finding's words and no stack
// frames. A finding is the target's fault, not a crash of the suite; frames of our own spec
// files would only bury the Received / Expected lines under noise.

export class FindingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Finding';
    this.stack = `${this.name}: ${message}`;
  }
}
