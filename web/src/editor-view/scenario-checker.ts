// The page's side of the checking worker: one request at a time matters (the latest text), so an
// answer to an older request resolves as superseded (undefined) instead of showing stale marks.
import type { Diagnostic } from '../../../src/scenario/diagnostics.js';
import type { CheckReply, CheckRequest } from './parse-protocol.js';

export class ScenarioChecker {
  private readonly worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  private latest = 0;
  private readonly waiting = new Map<number, (d: readonly Diagnostic[] | undefined) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<CheckReply>) => {
      const resolve = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      resolve?.(e.data.id === this.latest ? e.data.diagnostics : undefined);
    };
  }

  /** The text's diagnostics, or undefined when a newer check was asked for meanwhile. */
  check(text: string, file: string): Promise<readonly Diagnostic[] | undefined> {
    const id = ++this.latest;
    const request: CheckRequest = { id, text, file };
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage(request);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
