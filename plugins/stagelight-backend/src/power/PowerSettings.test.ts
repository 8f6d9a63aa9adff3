import { ConfigReader } from '@backstage/config';
import { readStagelightSettings } from '../config/StagelightConfig';
import { TEST_TARGETS } from '../__testUtils__/testSettings';
import { readPowerSettings } from './PowerSettings';

function read(stagelight: Record<string, any>) {
  // The scan targets every Stagelight config must name.
  const config = new ConfigReader({
    stagelight: { aws: { targets: TEST_TARGETS }, ...stagelight },
  });
  return readPowerSettings(config, readStagelightSettings(config));
}

describe('readPowerSettings', () => {
  it('applies defaults and takes the desired-count tag from the tag contract', () => {
    const s = read({});
    expect(s).toMatchObject({
      maxLeaseHours: 12,
      lockTtlMs: 120_000,
      applyInterval: { minutes: 1 },
      desiredCountTag: 'stagelight:desired-count',
      leaseWarning: { beforeMs: 30 * 60_000, interval: { minutes: 1 } },
    });
    expect(s.stageSchedules.size).toBe(0);
    expect(read({ tags: { desiredCount: 'x:count' } }).desiredCountTag).toBe(
      'x:count',
    );
  });

  it('reads when and how often lease warnings are sent, and refuses a warning time that is not positive', () => {
    expect(
      read({
        power: { leaseWarning: { before: { minutes: 90 }, interval: 'PT5S' } },
      }).leaseWarning,
    ).toEqual({ beforeMs: 90 * 60_000, interval: { seconds: 5 } });
    expect(() =>
      read({ power: { leaseWarning: { before: { minutes: 0 } } } }),
    ).toThrow('stagelight.power.leaseWarning.before must be positive');
  });

  it('reads and validates per-stage default schedules', () => {
    const s = read({
      power: {
        maxLeaseHours: 4,
        schedules: {
          dev: {
            timeZone: 'Europe/Berlin',
            windows: [{ days: ['mon'], start: '08:00', end: '18:00' }],
          },
        },
      },
    });
    expect(s.maxLeaseHours).toBe(4);
    expect(s.stageSchedules.get('dev')).toEqual({
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon'], start: '08:00', end: '18:00' }],
      preWarmMinutes: 0,
      exceptions: [],
    });
    expect(() =>
      read({
        power: {
          schedules: { dev: { timeZone: 'Nowhere/City', windows: [] } },
        },
      }),
    ).toThrow(
      'stagelight.power.schedules.dev.timeZone must be an IANA time zone',
    );
    expect(() =>
      read({ power: { schedules: { qa: { timeZone: 'UTC', windows: [] } } } }),
    ).toThrow(
      'stagelight.power.schedules.qa: unknown stage; stages are dev, test, staging, prod',
    );
    expect(() =>
      read({
        power: { schedules: { prod: { timeZone: 'UTC', windows: [] } } },
      }),
    ).toThrow(
      "stagelight.power.schedules.prod: stage 'prod' is protected and is never put to sleep, so it takes no schedule",
    );
    expect(() => read({ power: { maxLeaseHours: 0 } })).toThrow(
      'stagelight.power.maxLeaseHours must be a positive number',
    );
  });
});
