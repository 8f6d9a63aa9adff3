import { dailyCostByStage } from './dailySeries';

describe('dailyCostByStage', () => {
  it('aligns each stage on the union of days, with gaps as null', () => {
    const result = dailyCostByStage([
      {
        stage: 'dev',
        daily: [
          { date: '2026-11-02', amount: 3, estimated: false },
          { date: '2026-11-01', amount: 2, estimated: false },
        ],
      },
      {
        stage: 'prod',
        daily: [{ date: '2026-11-02', amount: 9, estimated: true }],
      },
    ]);

    expect(result.dates).toEqual(['2026-11-01', '2026-11-02']);
    expect(result.series).toEqual([
      { stage: 'dev', amounts: [2, 3], estimated: [false, false] },
      { stage: 'prod', amounts: [null, 9], estimated: [false, true] },
    ]);
    expect(result.max).toBe(9);
  });

  it('is empty without days', () => {
    expect(dailyCostByStage([{ stage: 'dev', daily: [] }])).toEqual({
      dates: [],
      series: [{ stage: 'dev', amounts: [], estimated: [] }],
      max: 0,
    });
  });
});
