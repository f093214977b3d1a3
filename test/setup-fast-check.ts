// Property tests draw their random cases from a fixed seed, so a test run is reproducible
// (and CI cannot go red by chance). Change the seed locally to explore new cases.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.BRINK_FC_SEED ?? 20261123) });
