// The Editor tab: the scenario's YAML in CodeMirror, checked as the user types with the loader's
// own validation (schema, cross-references, formulas), each problem marked at its line and listed
// below. Apply replaces the page's scenario (the analysis reruns); the draft survives reloads in
// localStorage until it is reverted to the server's scenario.
import { EditorView as CodeMirrorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Diagnostic, ScenarioError, formatDiagnostic } from '../../../src/scenario/diagnostics.js';
import { getScenario } from '../api.js';
import { CodeEditor } from '../editor-view/code-editor.js';
import { diagnosticRange } from '../editor-view/diagnostics.js';
import { type Draft, clearDraft, loadDraft, saveDraft } from '../editor-view/draft.js';
import type { Workbench } from '../workbench.js';

/** localStorage, or nothing when the browser refuses it (private modes, disabled storage). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function basename(file: string): string {
  return file.split(/[\\/]/).pop() || 'scenario.yaml';
}

function download(text: string, file: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = basename(file);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SAVE_DELAY = 300;

export function EditorView({ wb }: { wb: Workbench }) {
  const id = wb.model.spec.id;
  const file = wb.scenario.file;
  const [restored] = useState<Draft | undefined>(() => {
    const s = storage();
    const d = s && loadDraft(s, id);
    return d && d.text !== wb.scenario.text ? d : undefined;
  });
  const initial = restored?.text ?? wb.scenario.text;
  const text = useRef(initial);
  const view = useRef<CodeMirrorView | undefined>(undefined);
  const [serverText, setServerText] = useState<string | undefined>();
  // The latest check: the text it was for and its problems (undefined until the first check ends).
  const [checked, setChecked] = useState<{ text: string; diagnostics: readonly Diagnostic[] } | undefined>();
  const [current, setCurrent] = useState(initial);
  const [message, setMessage] = useState<string | undefined>(
    restored
      ? `Restored your draft saved at ${restored.savedAt.replace('T', ' ').slice(0, 19)} UTC.`
      : undefined,
  );
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(false);
  // The server's text, for the draft (refs: read by the timer and on leaving the page).
  const server = useRef<string | undefined>(undefined);

  /** Writes the draft now if an edit is waiting (also when the tab is left or the page hidden). */
  const flush = () => {
    clearTimeout(saveTimer.current);
    if (!unsaved.current) return;
    unsaved.current = false;
    const s = storage();
    if (s && !saveDraft(s, id, text.current, server.current))
      setMessage('Your browser refused to keep the draft (storage full?).');
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once; flush reads refs only
  useEffect(() => {
    getScenario()
      .then((s) => {
        server.current = s.text;
        setServerText(s.text);
      })
      .catch(() => undefined);
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const onText = (t: string) => {
    text.current = t;
    setCurrent(t);
    unsaved.current = true;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(flush, SAVE_DELAY);
  };

  const upToDate = checked !== undefined && checked.text === current;
  const errors = checked?.diagnostics ?? [];
  const canApply = upToDate && errors.length === 0;

  const goTo = (d: Diagnostic) => {
    const v = view.current;
    if (!v || d.line < 1) return;
    const { from, to } = diagnosticRange(d, v.state.doc);
    v.dispatch({
      selection: { anchor: from, head: to },
      effects: CodeMirrorView.scrollIntoView(from, { y: 'center' }),
    });
    v.focus();
  };

  const apply = () => {
    if (text.current === wb.scenario.text) {
      setMessage('This text is already the scenario analysed: nothing to rerun.');
      return;
    }
    try {
      wb.applyScenario(text.current);
      setMessage('Applied: the analysis reruns on the edited scenario (see the status above).');
    } catch (e) {
      if (e instanceof ScenarioError) {
        setChecked({ text: text.current, diagnostics: e.diagnostics });
        setMessage('Not applied: the scenario has problems.');
      } else setMessage(`Not applied: ${(e as Error).message}`);
    }
  };

  const revert = async () => {
    try {
      const serverScenario = (await getScenario()).text;
      server.current = serverScenario;
      setServerText(serverScenario);
      const v = view.current;
      if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: serverScenario } });
      const s = storage();
      if (s) clearDraft(s, id);
      setMessage("Reverted to the server's scenario (Apply to analyse it).");
    } catch (e) {
      setMessage(`Cannot read the server's scenario: ${(e as Error).message}`);
    }
  };

  const state = !upToDate ? 'checking' : errors.length === 0 ? 'ok' : 'errors';
  return (
    <div class="editor-view">
      <div class="editor-toolbar">
        <button type="button" data-testid="editor-apply" disabled={!canApply} onClick={apply}>
          Apply
        </button>
        <button type="button" data-testid="editor-revert" onClick={revert}>
          Revert to the server's scenario
        </button>
        <button type="button" data-testid="editor-download" onClick={() => download(text.current, file)}>
          Download YAML
        </button>
        <span class={`editor-state editor-state-${state}`} data-testid="editor-state" data-state={state}>
          {state === 'checking'
            ? 'Checking…'
            : state === 'ok'
              ? 'No problems.'
              : `${errors.length} problem${errors.length === 1 ? '' : 's'}.`}
        </span>
        {message && (
          <span class="editor-message" data-testid="editor-message">
            {message}
          </span>
        )}
      </div>
      {restored && serverText !== undefined && restored.base !== '' && restored.base !== serverText && (
        <p class="warning">
          The server's scenario changed since this draft was started: compare before applying.
        </p>
      )}
      <CodeEditor
        initial={initial}
        file={file}
        onText={onText}
        onChecked={(t, d) => setChecked({ text: t, diagnostics: d })}
        onView={(v) => {
          view.current = v;
        }}
      />
      {errors.length > 0 && (
        <ol class="editor-diagnostics" data-testid="editor-diagnostics">
          {errors.map((d, i) => (
            <li key={i}>
              <button
                type="button"
                class="editor-diagnostic"
                data-testid="editor-diagnostic"
                data-line={String(d.line)}
                onClick={() => goTo(d)}
                title={d.line > 0 ? `Go to line ${d.line}` : 'No position known'}
              >
                {formatDiagnostic(d)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
