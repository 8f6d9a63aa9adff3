import { ConfigReader } from '@backstage/config';
import { TEST_TARGETS } from '../__testUtils__/testSettings';
import { readCostSettings } from './CostSettings';

/** The scan targets every Stagelight config must name; cost reads them with the rest. */
const AWS = { targets: TEST_TARGETS };

describe('readCostSettings', () => {
  it('applies the defaults of the issue', () => {
    const s = readCostSettings(new ConfigReader({ stagelight: { aws: AWS } }));
    expect(s).toMatchObject({
      accountId: undefined,
      region: 'us-east-1',
      endpoint: undefined,
      lookbackDays: 90,
      ttlMs: 12 * 3600_000,
      dailyRequestBudget: 24,
      retryAfterMs: 15 * 60_000,
      appName: 'image-review',
      stages: ['dev', 'test', 'staging', 'prod'],
    });
    expect(s.tags.stage).toBe('stagelight:stage');
  });

  it('reads the cost block and the shared local AWS endpoint and tag keys', () => {
    const s = readCostSettings(
      new ConfigReader({
        stagelight: {
          aws: { ...AWS, endpoint: 'http://127.0.0.1:5000' },
          tags: { stage: 'env' },
          cost: {
            accountId: '111111111111',
            region: 'us-west-2',
            lookbackDays: 30,
            ttl: { hours: 6 },
            dailyRequestBudget: 10,
            retryAfter: 'PT5M',
          },
        },
      }),
    );
    expect(s).toMatchObject({
      accountId: '111111111111',
      region: 'us-west-2',
      endpoint: 'http://127.0.0.1:5000',
      lookbackDays: 30,
      ttlMs: 6 * 3600_000,
      dailyRequestBudget: 10,
      retryAfterMs: 5 * 60_000,
    });
    expect(s.tags.stage).toBe('env');
  });

  it.each([
    [
      { dailyRequestBudget: 0 },
      /dailyRequestBudget must be a positive integer/,
    ],
    [
      { dailyRequestBudget: 2.5 },
      /dailyRequestBudget must be a positive integer/,
    ],
    [{ lookbackDays: 400 }, /lookbackDays must be at most 365/],
  ])('rejects %j', (cost, message) => {
    expect(() =>
      readCostSettings(new ConfigReader({ stagelight: { aws: AWS, cost } })),
    ).toThrow(message);
  });
});
