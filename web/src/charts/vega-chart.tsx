// A Vega-Lite chart in the page, with SVG and PNG export. Vega runs with its expression
// interpreter (vega-interpreter), so the page needs no 'unsafe-eval' under the server's CSP.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';

export interface VegaChartProps {
  readonly spec: TopLevelSpec;
  /** File name of the exports, without extension; also the chart's test id. */
  readonly name: string;
}

/** A Vega view rendered as SVG into `el`: the caller finalizes it. */
export async function renderChart(el: HTMLElement, spec: TopLevelSpec): Promise<vega.View> {
  const runtime = vega.parse(compile(spec).spec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    expr: expressionInterpreter,
    renderer: 'svg',
    container: el,
    hover: true,
  });
  await view.runAsync();
  return view;
}

function download(href: string, file: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
}

export function VegaChart({ spec, name }: VegaChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<vega.View | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live: vega.View | undefined;
    let cancelled = false;
    if (host.current)
      renderChart(host.current, spec)
        .then((v) => {
          if (cancelled) v.finalize();
          else {
            live = v;
            setView(v);
            setError(undefined);
          }
        })
        .catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
      live?.finalize();
    };
  }, [spec]);

  const exportSvg = async () => {
    if (!view) return;
    const svg = await view.toSVG();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, `${name}.svg`);
    URL.revokeObjectURL(url);
  };
  const exportPng = async () => {
    if (view) download(await view.toImageURL('png', 2), `${name}.png`);
  };

  return (
    <figure class="chart" data-testid={`chart-${name}`}>
      <div ref={host} />
      {error && <p class="error">chart: {error}</p>}
      <figcaption>
        <button type="button" onClick={exportSvg} disabled={!view} data-testid={`export-svg-${name}`}>
          SVG
        </button>
        <button type="button" onClick={exportPng} disabled={!view} data-testid={`export-png-${name}`}>
          PNG
        </button>
      </figcaption>
    </figure>
  );
}
