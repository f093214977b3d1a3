// Messages between the editor and its checking worker (parse-worker.ts).
import type { Diagnostic } from '../../../src/scenario/diagnostics.js';

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly file: string;
}

export interface CheckReply {
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
}
