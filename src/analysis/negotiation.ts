// The negotiation track of a scenario (its `negotiation:` section): per issue, Bueno de Mesquita's
// expected-utility forecast over every engaged stakeholder (src/bargain/bdm), with the capability ×
// salience weighted mean of the stated positions as the baseline; and, for the two principals (the US
// administration and Iran's Supreme Leader), the comparison of a grand bargain, a segmented deal and a
// package of the feasible issues (src/bargain/packages.ts), with the null set of seed 003 coming from
// the principals' `needs`. Pure: reads only the model's plain data.
import { type Actor, type BdmOptions, forecastBdm, weightedMean } from '../bargain/bdm/index.js';
import {
  type ApproachResult,
  type BlockReason,
  type Issue,
  type LinkageComparison,
  type PublicityNeed,
  compareLinkage,
} from '../bargain/packages.js';
import type { Model, NegotiationIssueModel, StakeholderModel } from '../scenario/model.js';
import type { Section } from './report/document.js';
import { formatNumber } from './report/format.js';

export interface NegotiationOptions {
  /** Options of the BDM forecast (default: DEFAULT_BDM_OPTIONS; the scale is always the issue's). */
  readonly bdm?: Partial<Omit<BdmOptions, 'scale'>>;
  /** Stakeholder ids of the two principals, [US side, Iranian side]; default ['us', 'khamenei']. */
  readonly principals?: readonly [string, string];
  /**
   * Disagreement point (judgement): with no deal on an issue, each principal is worth what conceding
   * this share of the gap between the two ideals would cost it, d_ak = −δ · s_ak · |i_0k − i_1k|
   * (scales normalised to [0, 1]). δ > 1/2 means that splitting the difference beats no deal for both:
   * no deal is continued pressure under the threat of strikes (seeds 001, 002), costly to both sides.
   * Default 0.6.
   */
  readonly noDealShare?: number;
  /** Utility form of the package comparison; default 'linear'. */
  readonly utility?: 'linear' | 'quadratic';
}

export const DEFAULT_NO_DEAL_SHARE = 0.6;

export interface PrincipalStance {
  readonly position: number;
  readonly salience: number;
  readonly need: PublicityNeed;
}

export interface IssueForecast {
  readonly id: string;
  readonly label: string;
  readonly scale: readonly [number, number];
  readonly verifiable: boolean;
  /** Stakeholders engaged on the issue (those with a position), in file order. */
  readonly engaged: readonly string[];
  /** BDM forecast: the weighted median after the last round. */
  readonly forecast: number;
  /** The weighted median of each round, round 0 (the stated positions) first. */
  readonly medians: readonly number[];
  /** Baseline: Σ c s x / Σ c s over the stated positions. */
  readonly baseline: number;
  /** The weighted mean after the last BDM round. */
  readonly finalMean: number;
  readonly stoppedEarly: boolean;
  /** The two principals on the issue (undefined: not engaged). */
  readonly us?: PrincipalStance;
  readonly iran?: PrincipalStance;
}

export interface PackageTrack {
  readonly principals: readonly [string, string];
  readonly noDealShare: number;
  /** The two-actor input handed to compareLinkage (positions normalised to [0, 1]). */
  readonly input: { readonly issues: readonly Issue[]; readonly utility: 'linear' | 'quadratic' };
  readonly comparison: LinkageComparison;
  /** Per issue (issue order), the positions both principals prefer to no deal, on the issue's scale. */
  readonly ranges: readonly IssueRange[];
}

/** The bargaining range of one issue: [low, high] on the issue's scale, or empty. */
export interface IssueRange {
  readonly low: number;
  readonly high: number;
  readonly empty: boolean;
}

/**
 * The positions (normalised to [0, 1]) a principal prefers to no deal: u(x) = −s·|x − ideal| (or
 * −s·(x − ideal)²) ≥ d. A principal with salience 0 accepts every position.
 */
export function acceptableInterval(
  stance: { readonly ideal: number; readonly salience: number },
  disagreement: number,
  utility: 'linear' | 'quadratic',
): [number, number] {
  if (stance.salience <= 0) return [0, 1];
  const loss = Math.max(0, -disagreement / stance.salience);
  const radius = utility === 'linear' ? loss : Math.sqrt(loss);
  return [Math.max(0, stance.ideal - radius), Math.min(1, stance.ideal + radius)];
}

/**
 * Fearon's (1995) bargaining range on one issue: the deals both principals prefer to no deal, the
 * intersection of their acceptable intervals. With linear utilities and the same no-deal share δ for
 * both, it is Fearon's [p − c_A, p + c_B] on the segment between the two ideals with p = 1/2 (no deal
 * splits nothing: each side keeps its claim) and c_A = c_B = δ − 1/2 (negotiation.test.ts checks it
 * against src/bargain/fearon-range.ts).
 */
export function issueRange(
  issue: Issue,
  utility: 'linear' | 'quadratic',
  scale: readonly [number, number],
): IssueRange {
  const [a0, a1] = acceptableInterval(issue.stances[0], issue.disagreement[0], utility);
  const [b0, b1] = acceptableInterval(issue.stances[1], issue.disagreement[1], utility);
  const lo = Math.max(a0, b0);
  const hi = Math.min(a1, b1);
  const [s0, s1] = scale;
  const at = (y: number) => s0 + y * (s1 - s0);
  return lo <= hi
    ? { low: at(lo), high: at(hi), empty: false }
    : { low: Number.NaN, high: Number.NaN, empty: true };
}

export interface NegotiationResult {
  readonly issues: readonly IssueForecast[];
  readonly stakeholders: readonly {
    readonly id: string;
    readonly label: string;
    readonly capability: number;
  }[];
  /** Undefined when either principal is missing from the stakeholders. */
  readonly packages?: PackageTrack;
}

function stance(s: StakeholderModel | undefined, issue: string): PrincipalStance | undefined {
  const p = s?.positions.get(issue);
  if (s === undefined || p === undefined) return undefined;
  return { position: p.position, salience: p.salience, need: s.needs.get(issue)?.need ?? 'any' };
}

function forecastIssue(
  issue: NegotiationIssueModel,
  stakeholders: readonly StakeholderModel[],
  bdm: Partial<BdmOptions>,
  us: StakeholderModel | undefined,
  iran: StakeholderModel | undefined,
): IssueForecast {
  const actors: Actor[] = [];
  for (const s of stakeholders) {
    const p = s.positions.get(issue.id);
    if (p !== undefined)
      actors.push({ name: s.id, capability: s.capability, position: p.position, salience: p.salience });
  }
  if (actors.length === 0)
    throw new Error(`negotiation issue '${issue.id}': no stakeholder is engaged on it`);
  const f = forecastBdm(actors, { ...bdm, scale: [issue.scale[0], issue.scale[1]] });
  return {
    id: issue.id,
    label: issue.label,
    scale: issue.scale,
    verifiable: issue.verifiable,
    engaged: actors.map((a) => a.name),
    forecast: f.forecast,
    medians: f.rounds.map((r) => r.median),
    baseline: weightedMean(
      actors,
      actors.map((a) => a.position),
    ),
    finalMean: f.baseline,
    stoppedEarly: f.stoppedEarly,
    us: stance(us, issue.id),
    iran: stance(iran, issue.id),
  };
}

function packageTrack(
  issues: readonly NegotiationIssueModel[],
  principals: readonly [string, string],
  us: StakeholderModel,
  iran: StakeholderModel,
  share: number,
  utility: 'linear' | 'quadratic',
): PackageTrack {
  const input: Issue[] = issues.map((issue) => {
    const [lo, hi] = issue.scale;
    const norm = (x: number) => (x - lo) / (hi - lo);
    const a = stance(us, issue.id);
    const b = stance(iran, issue.id);
    // A principal not engaged on an issue: salience 0 at the other's ideal (no gain, no loss).
    const ia = a === undefined ? (b === undefined ? 0.5 : norm(b.position)) : norm(a.position);
    const ib = b === undefined ? ia : norm(b.position);
    const sa = a?.salience ?? 0;
    const sb = b?.salience ?? 0;
    const gap = Math.abs(ia - ib);
    return {
      name: issue.id,
      verifiable: issue.verifiable,
      stances: [
        { ideal: ia, salience: sa, needs: a?.need ?? 'any' },
        { ideal: ib, salience: sb, needs: b?.need ?? 'any' },
      ],
      disagreement: [-share * sa * gap, -share * sb * gap],
    };
  });
  const packageInput = { issues: input, utility };
  const ranges = input.map((issue, k) => issueRange(issue, utility, issues[k]!.scale));
  return {
    principals,
    noDealShare: share,
    input: packageInput,
    comparison: compareLinkage(packageInput),
    ranges,
  };
}

/** The negotiation track of a model: the BDM forecast per issue and the principals' package comparison. */
export function negotiationTrack(model: Model, options: NegotiationOptions = {}): NegotiationResult {
  const neg = model.negotiation;
  if (neg === undefined) throw new Error(`${model.file}: the scenario has no negotiation section`);
  const principals = options.principals ?? (['us', 'khamenei'] as const);
  const share = options.noDealShare ?? DEFAULT_NO_DEAL_SHARE;
  if (!(share >= 0)) throw new Error(`noDealShare: expected a number ≥ 0, got ${share}`);
  const us = neg.stakeholders.find((s) => s.id === principals[0]);
  const iran = neg.stakeholders.find((s) => s.id === principals[1]);
  const issues = neg.issues.map((i) => forecastIssue(i, neg.stakeholders, options.bdm ?? {}, us, iran));
  return {
    issues,
    stakeholders: neg.stakeholders.map((s) => ({ id: s.id, label: s.label, capability: s.capability })),
    packages:
      us === undefined || iran === undefined
        ? undefined
        : packageTrack(neg.issues, principals, us, iran, share, options.utility ?? 'linear'),
  };
}

// ---- the report section --------------------------------------------------------------------------

const REASONS: Record<BlockReason, string> = {
  'verification-vs-ambiguity':
    'null set: one side needs a public, verifiable concession, the other ambiguity',
  unverifiable: 'a public concession is needed but the issue cannot be verified',
  'ambiguity-in-public-package': 'a side needs ambiguity, so it cannot concede in a public package',
  'no-gain': 'no position gives both sides a gain over no deal',
};

function short(label: string): string {
  const i = label.indexOf(' (');
  return i > 0 ? label.slice(0, i) : label;
}

function rangeCell(r: IssueRange | undefined): string {
  if (r === undefined) return '—';
  return r.empty ? 'empty' : `${formatNumber(r.low)}–${formatNumber(r.high)}`;
}

function stanceCell(s: PrincipalStance | undefined): string {
  return s === undefined ? '—' : `${formatNumber(s.position)} (s ${formatNumber(s.salience)}, ${s.need})`;
}

function approachRow(name: string, r: ApproachResult, issues: readonly IssueForecast[]): (string | number)[] {
  const pkg =
    r.package === null
      ? 'nothing agreed'
      : r.package
          .map((x, k) => {
            const issue = issues[k]!;
            const [lo, hi] = issue.scale;
            return `${issue.id} ${x === null ? 'no deal' : formatNumber(lo + x * (hi - lo))}`;
          })
          .join('; ');
  const emptied =
    r.emptiedBy.length === 0
      ? '—'
      : r.emptiedBy.map((b) => `${b.issue ?? '(whole package)'}: ${b.reason}`).join('; ');
  return [name, pkg, r.gains[0], r.gains[1], r.nashProduct, emptied];
}

/** The negotiation agenda as a report section: forecasts per issue and the package comparison. */
export function negotiationSection(result: NegotiationResult): Section {
  const [usId, iranId] = result.packages?.principals ?? ['us', 'khamenei'];
  const labelOf = (id: string) => result.stakeholders.find((s) => s.id === id)?.label ?? id;
  const blocks: Section['blocks'] = [
    {
      kind: 'paragraph',
      text:
        'Each issue is a scale oriented the same way: the low end is no constraint on Iran (its maximal position), ' +
        'the high end the US maximal demand (for sanctions: full relief at 0, none at 10). The forecast is the ' +
        'Bueno de Mesquita expected-utility model (Scholz, Calbert & Smith 2011 variant) over every stakeholder ' +
        'engaged on the issue; the baseline is the capability × salience weighted mean of the stated positions.',
    },
    {
      kind: 'table',
      caption: 'Forecast per issue',
      columns: [
        'Issue',
        'Scale',
        'BDM forecast',
        'Weighted mean (baseline)',
        labelOf(usId),
        labelOf(iranId),
        'Bargaining range',
        'Medians by round',
        'Engaged',
      ],
      rows: result.issues.map((i, k) => [
        short(i.label),
        `${i.scale[0]}–${i.scale[1]}`,
        i.forecast,
        i.baseline,
        stanceCell(i.us),
        stanceCell(i.iran),
        rangeCell(result.packages?.ranges[k]),
        i.medians.map(formatNumber).join(' → '),
        i.engaged.length,
      ]),
      trace:
        'forecastBdm (src/bargain/bdm) per issue; baseline Σ c·s·x / Σ c·s; bargaining range: the positions both principals prefer to no deal (issueRange, Fearon 1995)',
    },
  ];
  const p = result.packages;
  if (p !== undefined) {
    const c = p.comparison;
    blocks.push(
      {
        kind: 'paragraph',
        text: [
          `Package comparison between ${p.principals[0]} and ${p.principals[1]} (Nash bargaining over the issues,`,
          'positions normalised to [0, 1], linear utilities −Σ s·|x − ideal|). Disagreement point (judgement):',
          `with no deal on an issue each side loses what conceding ${formatNumber(p.noDealShare)} of the gap`,
          'between the two ideals would cost it — no deal means continued pressure under the threat of strikes.',
        ].join(' '),
      },
      {
        kind: 'table',
        caption: 'Grand bargain, segmented deal and linked feasible issues (package on the issue scales)',
        columns: ['Approach', 'Package', `${usId} gain`, `${iranId} gain`, 'Nash product', 'Emptied by'],
        rows: [
          approachRow('grand bargain', c.grand, result.issues),
          approachRow('segmented deal', c.segmented, result.issues),
          approachRow('linked feasible issues', c.linkedFeasible, result.issues),
        ],
        trace: 'compareLinkage (src/bargain/packages.ts); needs from the scenario (seed 003)',
      },
    );
    const emptied = c.grand.emptiedBy;
    blocks.push({
      kind: 'list',
      items:
        emptied.length === 0
          ? ['No issue emptied the grand bargain.']
          : emptied.map(
              (b) => `${b.issue ?? 'the whole package'} emptied the grand bargain — ${REASONS[b.reason]}`,
            ),
    });
  }
  return {
    id: 'negotiation-agenda',
    title: 'Negotiation agenda: forecast per issue and the package comparison',
    question:
      '001_55fccd39af8d8d22.txt: “US President Donald Trump’s administration is pressing for an agreement that encompasses Iran’s nuclear program, ballistic missiles, and regional influence. At the same time, Tehran insists that any dialogue be confined strictly to the nuclear file.”',
    blocks,
  };
}
