import { Limiter, mapLimited } from './Limiter';

describe('Limiter', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise(r => setImmediate(r));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a failed task', async () => {
    const limiter = new Limiter(1);
    await expect(
      limiter.run(async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('maps in order', async () => {
    await expect(mapLimited([3, 1, 2], 2, async n => n * 2)).resolves.toEqual([
      6, 2, 4,
    ]);
  });
});
