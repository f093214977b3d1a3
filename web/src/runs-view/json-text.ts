// Non-finite numbers in stored results (NaN: a figure with no defined draw; ±Infinity) as the run
// store writes them: {"$float": "NaN"} (src/store/run-store.ts encodeJson), since plain JSON would
// turn them into null and a report would then print 0. The store's codec sits beside SQLite code,
// which the page cannot load, so the two small inverses are mirrored here.

const FLOATS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

function floatOf(v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  const tag = (v as { $float?: unknown }).$float;
  return keys.length === 1 && keys[0] === '$float' && typeof tag === 'string' ? FLOATS[tag] : undefined;
}

/** A parsed JSON tree with every {"$float": ...} replaced by its number (decodeJson's rule). */
export function reviveFloats<T>(x: T): T {
  const f = floatOf(x);
  if (f !== undefined) return f as T;
  if (Array.isArray(x)) return x.map((v) => reviveFloats(v)) as T;
  if (typeof x === 'object' && x !== null)
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, reviveFloats(v)])) as T;
  return x;
}

/** JSON text for display, non-finite numbers kept as the store writes them (encodeJson's rule). */
export function encodeJsonText(x: unknown): string {
  return JSON.stringify(
    x ?? null,
    (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? { $float: String(v) } : v),
    2,
  );
}
