import { describe, expect, test } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft.js';

function memoryStorage(refuse = false) {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw new Error('QuotaExceededError');
      m.set(k, v);
    },
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('the editor draft', () => {
  const now = new Date('2026-02-10T09:30:00Z');
  test('is kept per scenario, with the server text it started from', () => {
    const s = memoryStorage();
    expect(saveDraft(s, 'a', 'edited', 'server', now)).toBe(true);
    expect(loadDraft(s, 'a')).toEqual({
      text: 'edited',
      base: 'server',
      savedAt: '2026-02-10T09:30:00.000Z',
    });
    expect(loadDraft(s, 'b')).toBeUndefined();
    expect([...s.m.keys()]).toEqual([draftKey('a')]);
  });
  test('the server’s own text is no draft: saving it forgets the draft', () => {
    const s = memoryStorage();
    saveDraft(s, 'a', 'edited', 'server', now);
    saveDraft(s, 'a', 'server', 'server', now);
    expect(loadDraft(s, 'a')).toBeUndefined();
  });
  test('an unknown server text is kept as an empty base', () => {
    const s = memoryStorage();
    saveDraft(s, 'a', 'edited', undefined, now);
    expect(loadDraft(s, 'a')?.base).toBe('');
  });
  test('clear, corrupt entries and refused storage', () => {
    const s = memoryStorage();
    saveDraft(s, 'a', 'edited', 'server', now);
    clearDraft(s, 'a');
    expect(loadDraft(s, 'a')).toBeUndefined();
    s.m.set(draftKey('a'), '{not json');
    expect(loadDraft(s, 'a')).toBeUndefined();
    s.m.set(draftKey('a'), JSON.stringify({ text: 1 }));
    expect(loadDraft(s, 'a')).toBeUndefined();
    expect(saveDraft(memoryStorage(true), 'a', 'edited', 'server', now)).toBe(false);
  });
});
