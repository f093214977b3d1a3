// CodeMirror 6 on the scenario's YAML, with the scenario checker as its linter: after the user
// stops typing for 300 ms the text is checked in a worker (scenario-checker.ts) and each problem
// becomes a lint mark at its line.
// CodeMirror styles itself at run time (style-mod). In a document it adds a <style> element, which
// the page's CSP (style-src 'self', no 'unsafe-inline') blocks; in a shadow root it uses
// constructable style sheets (adoptedStyleSheets), which CSP allows. So the editor lives in a
// shadow root of its container, and its look is set with EditorView.theme (the page's style.css
// does not reach inside).
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useRef } from 'preact/hooks';
import type { Diagnostic } from '../../../src/scenario/diagnostics.js';
import { lintMarks } from './diagnostics.js';
import { ScenarioChecker } from './scenario-checker.js';

/** The editor's size and font (in the shadow root, so not in style.css). */
const EDITOR_THEME = EditorView.theme({
  '&': { height: '65vh', backgroundColor: 'white', fontSize: '0.85rem' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
  '.cm-gutters': { backgroundColor: '#f4f5f7', borderRight: '1px solid #d5dae3' },
});

/** How long the text must rest before it is checked, ms. */
export const CHECK_DELAY = 300;

interface Props {
  readonly initial: string;
  readonly file: string;
  /** Every change of the text (to keep the draft). */
  readonly onText: (text: string) => void;
  /** Called when a check of the current text finishes. */
  readonly onChecked: (text: string, diagnostics: readonly Diagnostic[]) => void;
  /** The view, once created, for moving the cursor and replacing the text. */
  readonly onView: (view: EditorView | undefined) => void;
}

export function CodeEditor({ initial, file, onText, onChecked, onView }: Props) {
  const host = useRef<HTMLDivElement>(null);
  // The callbacks change every render; the editor is created once and reads the latest.
  const callbacks = useRef({ onText, onChecked, onView });
  callbacks.current = { onText, onChecked, onView };

  // Created once per mount: later text changes go through the view itself (onView).
  // biome-ignore lint/correctness/useExhaustiveDependencies: initial and file are read once
  useEffect(() => {
    const checker = new ScenarioChecker();
    const check = linter(
      async (view) => {
        const state = view.state;
        const text = state.doc.toString();
        const diagnostics = await checker.check(text, file);
        // A newer text exists: its own check will report, these marks would be stale.
        if (diagnostics === undefined || view.state.doc !== state.doc) return [];
        callbacks.current.onChecked(text, diagnostics);
        return lintMarks(diagnostics, state.doc);
      },
      { delay: CHECK_DELAY },
    );
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: initial,
        extensions: [
          EDITOR_THEME,
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          foldGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          lintGutter(),
          check,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) callbacks.current.onText(u.state.doc.toString());
          }),
        ],
      }),
    });
    callbacks.current.onView(view);
    return () => {
      callbacks.current.onView(undefined);
      view.destroy();
      checker.terminate();
    };
  }, []);

  return <div class="code-editor" ref={host} data-testid="editor" />;
}
