import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { StagelightSettings } from '../config/StagelightConfig';
import { validateSchedule } from '../schedule';
import {
  readOptionalDuration,
  readPositiveDurationMs,
  readPositiveNumber,
} from '../config/readers';

/** Settings of wake and sleep, read from `stagelight.power` with defaults applied. */
export interface PowerSettings {
  /** Longest lease (wake for N hours, extensions included). */
  maxLeaseHours: number;
  /** How long a lock outlives its last heartbeat; another replica may take over after it. */
  lockTtlMs: number;
  dbAvailableTimeoutMs: number;
  readyTimeoutMs: number;
  pollIntervalMs: number;
  /** How often the scheduler compares desired and current power. */
  applyInterval: HumanDuration;
  /** Default schedule per stage name; environments may override theirs. */
  stageSchedules: Map<string, Schedule>;
  /** The tag on each ECS service that remembers its desired count while asleep. */
  desiredCountTag: string;
  /** The tag on each auto-scaled ECS service that remembers its scalable target's bounds while asleep. */
  scalingBoundsTag: string;
  /** Warnings of a coming sleep (a lease's end or the schedule) to the lease holder and today's wakers. */
  leaseWarning: {
    /** How long before the sleep the warning is sent. */
    beforeMs: number;
    /** How often the warning pass runs (global scope). */
    interval: HumanDuration;
  };
}

export function readPowerSettings(
  root: Config,
  settings: Pick<StagelightSettings, 'stages' | 'tags'>,
): PowerSettings {
  const config = root.getOptionalConfig('stagelight.power');
  const stageSchedules = new Map<string, Schedule>();
  const schedules = config?.getOptionalConfig('schedules');
  for (const stage of schedules?.keys() ?? []) {
    if (!settings.stages.some(s => s.name === stage)) {
      throw new InputError(
        `stagelight.power.schedules.${stage}: unknown stage; stages are ${settings.stages
          .map(s => s.name)
          .join(', ')}`,
      );
    }
    if (settings.stages.some(s => s.name === stage && s.protected)) {
      throw new InputError(
        `stagelight.power.schedules.${stage}: stage '${stage}' is protected and is never put to sleep, so it takes no schedule`,
      );
    }
    stageSchedules.set(
      stage,
      validateSchedule(
        schedules!.getConfig(stage).get(),
        `stagelight.power.schedules.${stage}`,
      ),
    );
  }
  return {
    maxLeaseHours: readPositiveNumber(
      config,
      'stagelight.power',
      'maxLeaseHours',
      12,
    ),
    lockTtlMs:
      readPositiveNumber(config, 'stagelight.power', 'lockTtlSeconds', 120) *
      1000,
    dbAvailableTimeoutMs:
      readPositiveNumber(
        config,
        'stagelight.power',
        'dbAvailableTimeoutSeconds',
        1200,
      ) * 1000,
    readyTimeoutMs:
      readPositiveNumber(
        config,
        'stagelight.power',
        'readyTimeoutSeconds',
        600,
      ) * 1000,
    pollIntervalMs:
      readPositiveNumber(
        config,
        'stagelight.power',
        'pollIntervalSeconds',
        10,
      ) * 1000,
    applyInterval: readOptionalDuration(config, 'applyInterval', {
      minutes: 1,
    }),
    stageSchedules,
    desiredCountTag: settings.tags.desiredCount,
    scalingBoundsTag: settings.tags.scalingBounds,
    leaseWarning: readLeaseWarning(config?.getOptionalConfig('leaseWarning')),
  };
}

function readLeaseWarning(block: Config | undefined) {
  return {
    beforeMs: readPositiveDurationMs(
      block,
      'stagelight.power.leaseWarning',
      'before',
      30 * 60_000,
    ),
    interval: readOptionalDuration(block, 'interval', { minutes: 1 }),
  };
}
