import { describe, expect, it } from 'vitest';
import {
  type CurveSystem,
  makeQrWork,
  qrFactor,
  qrNewtonStep,
  qrTangent,
  tangentAt,
  tracePath,
} from './path-tracer.js';

/** The unit circle x^2 + y^2 = 1 as a curve in R^2. */
const circle: CurveSystem = {
  equations: 1,
  value: (x, out) => {
    out[0] = x[0]! * x[0]! + x[1]! * x[1]! - 1;
  },
  jacobian: (x, out) => {
    out[0] = 2 * x[0]!;
    out[1] = 2 * x[1]!;
  },
};

/** Two planes in R^3 whose intersection is the line (t, 2t, 3 - t). */
const line: CurveSystem = {
  equations: 2,
  value: (x, out) => {
    out[0] = 2 * x[0]! - x[1]!;
    out[1] = x[0]! + x[2]! - 3;
  },
  jacobian: (_x, out) => {
    out.set([2, -1, 0, 1, 0, 1]);
  },
};

function det3(a: number[][]): number {
  return (
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!)
  );
}

describe('Householder QR of the Jacobian', () => {
  it('gives the unit tangent orthogonal to every gradient, oriented so that det [J; t] > 0', () => {
    const t = tangentAt(line, new Float64Array([0, 0, 3]));
    // The kernel of [[2,-1,0],[1,0,1]] is spanned by (1, 2, -1).
    const k = [1, 2, -1].map((v) => v / Math.sqrt(6));
    const sign = Math.sign(t[0]!);
    expect(Array.from(t).map((v) => v * sign)).toEqual(k.map((v) => expect.closeTo(v, 14)));
    expect(det3([[2, -1, 0], [1, 0, 1], Array.from(t)])).toBeGreaterThan(0);
  });

  it('orientation on the circle: at (1, 0) the tangent with det [J; t] > 0 is (0, 1)', () => {
    // J = (2, 0); det [[2, 0], [t0, t1]] = 2 t1 > 0.
    const t = tangentAt(circle, new Float64Array([1, 0]));
    expect(t[0]).toBeCloseTo(0, 14);
    expect(t[1]).toBeCloseTo(1, 14);
  });

  it('Newton step is the minimum-norm solution of J d = -H', () => {
    // H = 2x - y - 1 at (0, 0): H = -1, J = (2, -1); min-norm d = -J^T H / |J|^2 = (2, -1) / 5.
    const sys: CurveSystem = {
      equations: 1,
      value: (x, out) => {
        out[0] = 2 * x[0]! - x[1]! - 1;
      },
      jacobian: (_x, out) => out.set([2, -1]),
    };
    const w = makeQrWork(1);
    sys.jacobian(new Float64Array(2), w.a);
    qrFactor(w);
    const d = new Float64Array(2);
    const len = qrNewtonStep(w, new Float64Array([-1]), d);
    expect(d[0]).toBeCloseTo(0.4, 14);
    expect(d[1]).toBeCloseTo(-0.2, 14);
    expect(len).toBeCloseTo(Math.sqrt(0.2), 14);
    const t = new Float64Array(2);
    qrTangent(w, t);
    expect(2 * t[0]! - t[1]!).toBeCloseTo(0, 14);
  });
});

describe('tracePath', () => {
  it('stays on the circle and stops where the criterion x = 0 is met', () => {
    const points: number[][] = [];
    const r = tracePath(circle, new Float64Array([1, 0]), {
      terminate: () => false,
      criterion: (x) => x[0]!,
      onPoint: (x) => points.push(Array.from(x)),
    });
    expect(r.ok).toBe(true);
    expect(r.x[0]).toBeCloseTo(0, 7);
    expect(r.x[1]).toBeCloseTo(1, 7);
    for (const [x, y] of points) expect(Math.abs(x! * x! + y! * y! - 1)).toBeLessThan(1e-4);
    // Steps grow by at most 1.1 from 0.03, so a quarter circle (length pi/2) takes a dozen or more.
    expect(r.steps).toBeGreaterThan(10);
  });

  it('omega = -1 goes the other way round', () => {
    const r = tracePath(circle, new Float64Array([1, 0]), {
      omega: -1,
      terminate: () => false,
      criterion: (x) => x[0]!,
    });
    expect(r.x[1]).toBeCloseTo(-1, 7);
  });

  it('stops when terminate holds, at the first accepted point past it', () => {
    // Head in the direction of decreasing z.
    const omega = tangentAt(line, new Float64Array([0, 0, 3]))[2]! < 0 ? 1 : -1;
    const r = tracePath(line, new Float64Array([0, 0, 3]), {
      omega,
      terminate: (x) => x[2]! < 2,
      maxSteps: 1000,
    });
    expect(r.ok).toBe(true);
    expect(r.x[2]).toBeLessThan(2);
    expect(r.x[2]).toBeGreaterThan(1.5);
    expect(2 * r.x[0]! - r.x[1]!).toBeCloseTo(0, 12);
  });

  it('reports a stall instead of looping when the curve ends (a singular point)', () => {
    // x^2 - y^2 = 0 crosses itself at the origin; starting on it and going in, the tracer must end
    // in finitely many steps either way (here straight through, keeping its direction).
    const cross: CurveSystem = {
      equations: 1,
      value: (x, out) => {
        out[0] = x[0]! * x[0]! - x[1]! * x[1]!;
      },
      jacobian: (x, out) => {
        out[0] = 2 * x[0]!;
        out[1] = -2 * x[1]!;
      },
    };
    const t = tangentAt(cross, new Float64Array([1, 1]));
    const omega = t[0]! < 0 ? 1 : -1; // head towards the origin
    const r = tracePath(cross, new Float64Array([1, 1]), {
      omega,
      bifurcation: 'through',
      terminate: (x) => x[0]! < -1,
      maxSteps: 10000,
    });
    expect(r.ok).toBe(true);
    // Through the crossing on the same straight branch y = x.
    expect(r.x[1]).toBeCloseTo(r.x[0]!, 6);
    expect(r.flips).toBe(1);
  });
});
