// The workbench page: loads the scenario from the server, parses it with the CLI's code, runs the
// analysis in Web Workers whenever the settings or the fixed parameters change, and shows the views.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { registerBargainFunctions } from '../../src/bargain/formula-functions.js';
import { registerEconFunctions } from '../../src/econ/formula-functions.js';
import type { EvidencePriors } from '../../src/evidence/evidence-priors.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Model } from '../../src/scenario/model.js';
import { type ScenarioText, getScenario } from './api.js';
import { ModelPool, type RunOutcome, type RunProgress, Superseded } from './model/run-analysis.js';
import { CompareView } from './views/compare-view.js';
import { EditorView } from './views/editor-view.js';
import { EvidenceView } from './views/evidence-view.js';
import { GameView } from './views/game-view.js';
import { RunsView } from './views/runs-view.js';
import { ScenarioView } from './views/scenario-view.js';
import { WhatIfView } from './views/whatif-view.js';
import type { RunSettings, Workbench } from './workbench.js';

registerBargainFunctions();
registerEconFunctions();

const TABS = [
  { id: 'whatif', label: 'What-if', View: WhatIfView },
  { id: 'scenario', label: 'Scenario', View: ScenarioView },
  { id: 'game', label: 'Game', View: GameView },
  { id: 'compare', label: 'Policies', View: CompareView },
  { id: 'evidence', label: 'Evidence', View: EvidenceView },
  { id: 'runs', label: 'Runs', View: RunsView },
  { id: 'editor', label: 'Editor', View: EditorView },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The tab named in the URL's hash (#evidence), so a view can be linked and reloaded. */
function tabOfHash(): TabId {
  const id = location.hash.replace(/^#/, '');
  return (TABS.find((t) => t.id === id)?.id ?? 'whatif') as TabId;
}

interface Loaded {
  readonly scenario: ScenarioText;
  readonly model: Model;
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  useEffect(() => {
    getScenario()
      .then((scenario) => setLoaded({ scenario, model: parseScenario(scenario.text, scenario.file) }))
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  if (loadError)
    return (
      <p class="error" data-testid="load-error">
        Cannot load the scenario: {loadError}
      </p>
    );
  if (!loaded) return <p data-testid="loading">Loading the scenario…</p>;
  // Parsing throws ScenarioError (with located diagnostics) before anything is replaced.
  const applyScenario = (text: string) =>
    setLoaded({ scenario: { ...loaded.scenario, text }, model: parseScenario(text, loaded.scenario.file) });
  return <Workspace {...loaded} applyScenario={applyScenario} />;
}

function Workspace({ scenario, model, applyScenario }: Loaded & { applyScenario(text: string): void }) {
  const pool = useMemo(() => new ModelPool(), []);
  useEffect(() => () => pool.terminate(), [pool]);
  const d = model.spec.defaults;
  const [settings, setSettings] = useState<RunSettings>({ seed: d.seed, draws: d.draws, lambda: d.lambda });
  const [fixed, setFixed] = useState<Readonly<Record<string, number>>>({});
  const [evidencePriors, setEvidencePriors] = useState<EvidencePriors | undefined>();
  const [outcome, setOutcome] = useState<RunOutcome | undefined>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tab, setTab] = useState<TabId>(tabOfHash);
  const generation = useRef(0);

  useEffect(() => {
    const onHash = () => setTab(tabOfHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    setRunning(true);
    setProgress(undefined);
    pool
      .analyse(
        {
          model,
          scenarioText: scenario.text,
          scenarioLabel: scenario.file,
          draws: settings.draws,
          settings: {
            seed: settings.seed,
            lambda: settings.lambda,
            sampling: 'random',
            ...(Object.keys(fixed).length > 0 ? { fixed } : {}),
            ...(evidencePriors ? { typePriors: evidencePriors.priors } : {}),
          },
        },
        (p) => mine === generation.current && setProgress(p),
        (partial) => mine === generation.current && setOutcome(partial),
      )
      .then((o) => {
        if (mine !== generation.current) return;
        setOutcome(o);
        setError(undefined);
        setRunning(false);
      })
      .catch((e: Error) => {
        if (e instanceof Superseded || mine !== generation.current) return;
        setError(e.message);
        setRunning(false);
      });
  }, [pool, model, scenario, settings, fixed, evidencePriors]);

  const wb: Workbench = {
    scenario,
    model,
    pool,
    settings,
    // Marked running at once, so the header never reads "done" between a change and its run.
    setSettings: (s) => {
      setSettings(s);
      if (s !== settings) setRunning(true);
    },
    fixed,
    setFixed: (f) => {
      setFixed(f);
      if (f !== fixed) setRunning(true);
    },
    outcome,
    running,
    progress,
    error,
    applyScenario,
    evidencePriors,
    setEvidencePriors: (p) => {
      setEvidencePriors(p);
      if (p !== evidencePriors) setRunning(true);
    },
  };
  const Current = TABS.find((t) => t.id === tab)!.View;
  return (
    <div class="workbench">
      <header>
        <h1>{scenario.title}</h1>
        <p class="status" data-testid="status" data-state={running ? 'running' : error ? 'error' : 'done'}>
          {running
            ? `Computing ${progress?.done ?? 0}/${settings.draws} draws on ${pool.size} workers…`
            : error
              ? `Error: ${error}`
              : outcome
                ? `${settings.draws} draws, seed ${settings.seed}, in ${(outcome.ms / 1000).toFixed(1)} s`
                : ''}
          {evidencePriors && (
            <span data-testid="status-evidence-priors">
              {' '}
              · type priors from the evidence log{evidencePriors.asOf ? ` as of ${evidencePriors.asOf}` : ''}
            </span>
          )}
        </p>
        <nav>
          {TABS.map((t) => (
            <a key={t.id} href={`#${t.id}`} class={t.id === tab ? 'active' : ''} data-testid={`tab-${t.id}`}>
              {t.label}
            </a>
          ))}
        </nav>
      </header>
      <main data-testid={`view-${tab}`}>
        <Current wb={wb} />
      </main>
    </div>
  );
}
