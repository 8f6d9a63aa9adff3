import { DEFAULT_PROTECTED_STAGES } from '@internal/stagelight-tag-contract';
import type { ClinicConfigInput } from '../stack/stackPackage';

type StageInput = ClinicConfigInput['stages'][number];

/**
 * Sizes a new clinic starts with: every stage mimics production (design §1.6),
 * only the size and the hours differ. Non-protected stages let Aurora pause at
 * 0 ACU; the protected stage keeps a warm minimum. Teams resize in the clinic
 * config file after onboarding.
 */
const SIZES: Record<string, Pick<StageInput, 'pausable' | 'size'>> = {
  dev: {
    pausable: true,
    size: {
      desiredCount: 1,
      cpu: 256,
      memoryMiB: 512,
      dbMinAcu: 0,
      dbMaxAcu: 2,
    },
  },
  test: {
    pausable: true,
    size: {
      desiredCount: 1,
      cpu: 256,
      memoryMiB: 512,
      dbMinAcu: 0,
      dbMaxAcu: 2,
    },
  },
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

const PROTECTED_SIZE: Pick<StageInput, 'pausable' | 'size'> = {
  pausable: false,
  size: {
    desiredCount: 2,
    cpu: 1024,
    memoryMiB: 2048,
    dbMinAcu: 0.5,
    dbMaxAcu: 16,
  },
};

/** The starting size of a stage, by name (unknown names get the dev size). */
export function defaultStageSize(
  stage: string,
): Pick<StageInput, 'pausable' | 'size'> {
  if (DEFAULT_PROTECTED_STAGES.includes(stage)) return PROTECTED_SIZE;
  return SIZES[stage] ?? SIZES.dev;
}
