// A problem with an observation (unknown state, impossible evidence): reported as a clear message
// naming the observation and indicator, never a stack trace (the CLI exits 2).
export class EvidenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceError';
  }
}
