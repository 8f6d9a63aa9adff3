import { DEFAULT_PROTECTED_STAGES } from '@stagelight/tag-contract';
import type { ClinicConfigInput } from '../stack/stackPackage';

type StageStart = Pick<
  ClinicConfigInput['stages'][number],
  'pausable' | 'size'
>;

/*
 * Sizes a new clinic starts with: every stage mimics production (docs/architecture.md, "The stack each clinic gets"),
 * only the size and the hours differ. Non-protected stages let Aurora pause at
 * 0 ACU; the protected stage keeps a warm minimum. Teams resize in the clinic
 * config file after onboarding.
 */

/** dev and test (and any stage not named here) run the smallest stack. */
const SMALLEST: StageStart = {
  pausable: true,
  size: {
    desiredCount: 1,
    cpu: 256,
    memoryMiB: 512,
    dbMinAcu: 0,
    dbMaxAcu: 2,
  },
};

const SIZES: Record<string, StageStart> = {
  dev: SMALLEST,
  test: SMALLEST,
  staging: {
    pausable: true,
    size: {
      desiredCount: 2,
      cpu: 512,
      memoryMiB: 1024,
      dbMinAcu: 0,
      dbMaxAcu: 4,
    },
  },
};

const PROTECTED_SIZE: StageStart = {
  pausable: false,
  size: {
    desiredCount: 2,
    cpu: 1024,
    memoryMiB: 2048,
    dbMinAcu: 0.5,
    dbMaxAcu: 16,
  },
};

/** The starting size of a stage, by name. */
export function defaultStageSize(stage: string): StageStart {
  const start = DEFAULT_PROTECTED_STAGES.includes(stage)
    ? PROTECTED_SIZE
    : SIZES[stage] ?? SMALLEST;
  // A copy each time: stages of one config must not share objects (YAML
  // would write them as aliases, and an edit to one would change the other).
  return { pausable: start.pausable, size: { ...start.size } };
}
