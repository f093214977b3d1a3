// The editor's draft in the browser's localStorage, per scenario id, so that a reload (or leaving
// the tab) does not lose edits that were not applied or that the server does not have. The draft
// records the server text it started from, so the page can say when the server's scenario changed
// under it.

export interface Draft {
  readonly text: string;
  /** The server's scenario text when the draft was saved ('' when it was not known yet). */
  readonly base: string;
  /** ISO time of the last save. */
  readonly savedAt: string;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (scenarioId: string): string => `brink.editor.draft.${scenarioId}`;

export function loadDraft(storage: KeyValue, scenarioId: string): Draft | undefined {
  const raw = storage.getItem(draftKey(scenarioId));
  if (raw === null) return undefined;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.text === 'string' && typeof d.base === 'string' && typeof d.savedAt === 'string')
      return { text: d.text, base: d.base, savedAt: d.savedAt };
  } catch {
    // A corrupt entry (edited by hand) is no draft.
  }
  return undefined;
}

/**
 * Keeps `text` as the draft, or forgets the draft when the text is the server's own (nothing to
 * keep). Returns false when storage refused (full or disabled), so the page can say so.
 */
export function saveDraft(
  storage: KeyValue,
  scenarioId: string,
  text: string,
  serverText: string | undefined,
  now: Date = new Date(),
): boolean {
  try {
    if (text === serverText) storage.removeItem(draftKey(scenarioId));
    else
      storage.setItem(
        draftKey(scenarioId),
        JSON.stringify({ text, base: serverText ?? '', savedAt: now.toISOString() } satisfies Draft),
      );
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: KeyValue, scenarioId: string): void {
  storage.removeItem(draftKey(scenarioId));
}
