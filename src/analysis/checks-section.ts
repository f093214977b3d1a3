// The structural checks as a report section: what each seed sentence requires of every leaf of
// every draw, the worst value found, and whether it holds.
import type { ChecksResult } from './checks.js';
import type { Section } from './report/document.js';
import { formatNumber } from './report/format.js';

interface CheckRow {
  readonly what: string;
  readonly worst: number;
  readonly holds: boolean;
  readonly quote: string;
}

function rows(c: ChecksResult): CheckRow[] {
  const s003 = '003_82137da3c5b8a964.txt';
  return [
    {
      what: 'max neutralisation after a single US wave (< 0.9)',
      worst: c.maxSingleWaveNeutralisation,
      holds: c.maxSingleWaveNeutralisation < 0.9,
      quote: `${s003}: “a single-wave kinetic strike cannot guarantee a 90% or higher neutralization rate.”`,
    },
    {
      what: 'min US residual_floor / k_residual after a single wave (≥ 0.11)',
      worst: c.minFloorRatio,
      holds: c.minFloorRatio >= 0.11 - 1e-12,
      quote: `${s003}: “The remaining retaliatory capacity preserves Iran's second-strike capability, establishing a hard floor for the minimum cost the United States must expect to absorb.”`,
    },
    {
      what: 'min US residual_floor wherever the US struck Iranian soil (> 0)',
      worst: c.minFloorStruck,
      holds: c.minFloorStruck > 0,
      quote: `${s003}: the same sentence`,
    },
    {
      what: 'min war-risk premium on Hormuz-closure paths (≥ 0.01 of hull value)',
      worst: c.minClosureInsurance,
      holds: c.minClosureInsurance >= 0.01,
      quote: `${s003}: “Even a temporary disruption in commercial shipping lanes via mine deployment, anti-ship cruise missiles, or fast-attack craft risks an immediate, non-linear spike in global insurance premiums and crude oil prices.”`,
    },
    {
      what: 'min oil price change on Hormuz-closure paths (≥ 5 %)',
      worst: c.minClosureOilChange,
      holds: c.minClosureOilChange >= 5,
      quote: `${s003}: the same sentence`,
    },
    {
      what: 'max |oil price change| on deal paths (= 0)',
      worst: c.maxDealOilChange,
      holds: c.maxDealOilChange === 0,
      quote: 'a deal closes every front and takes no oil off the market (scenario effects of accept)',
    },
    {
      what: 'max Iran C_reputation.denial where Iran denied the announced deal (< 0: a gain)',
      worst: c.maxDenialPart,
      holds: c.maxDenialPart < 0,
      quote: `${s003}: “By denying the agreement, Tehran achieves two critical strategic objectives:”`,
    },
    {
      what: 'min Iran C_reputation.validation on publicly declared deals (> 0: a cost)',
      worst: c.minValidationPart,
      holds: c.minValidationPart > 0,
      quote: `${s003}: “For Tehran, accepting the US characterization of a "peace deal" at that exact juncture carries a negative strategic payoff.”`,
    },
    {
      what: 'leaves in no outcome class or in several (0)',
      worst: c.unclassifiedLeaves,
      holds: c.unclassifiedLeaves === 0,
      quote: 'the classes of design §5.1 are mutually exclusive and exhaustive',
    },
    {
      what: 'CV of us.C_reputation at the reference leaf ≥ 2 × CV of iran.C_reputation at its reference leaf',
      worst: c.cv.usReputationAtReference / c.cv.iranReputationAtReference,
      holds: c.cv.usReputationAtReference >= 2 * c.cv.iranReputationAtReference,
      quote: `${s003}: “For the United States, $C_{reputation}$ and $C_{opportunity}$ are highly volatile variables heavily influenced by electoral cycles and global commitments.”`,
    },
  ];
}

export function checksSection(c: ChecksResult): Section {
  const r = rows(c);
  return {
    id: 'checks',
    title: 'Model checks (every leaf of every draw)',
    blocks: [
      {
        kind: 'paragraph',
        text: `${r.filter((x) => x.holds).length} of ${r.length} structural checks hold. Each is the worst value over every leaf of every draw of the baseline game.`,
      },
      {
        kind: 'table',
        columns: ['check', 'worst value', 'holds', 'rests on'],
        rows: r.map((x) => [x.what, formatNumber(x.worst), x.holds ? 'yes' : 'NO', x.quote]),
        trace: 'scenario state variables and payoff parts at every leaf (design §6, bounds B17–B21)',
      },
    ],
  };
}
