import { summarizeQueues } from './queueDepth';

const q = (component: string, visible: number, age: number | null = null) => ({
  arn: `arn:${component}:${visible}`,
  name: component,
  component,
  visible,
  inFlight: 1,
  delayed: 0,
  oldestAgeSeconds: age,
});

describe('summarizeQueues', () => {
  it('sums work queues, counts the DLQ apart, and keeps the oldest known age', () => {
    expect(
      summarizeQueues([q('queue', 4, 30), q('queue', 2, 90), q('dlq', 3)]),
    ).toEqual({
      visible: 6,
      inFlight: 2,
      delayed: 0,
      dlq: 4,
      oldestAgeSeconds: 90,
    });
  });

  it('reports an unknown age as null, not 0', () => {
    expect(summarizeQueues([q('queue', 0)])!.oldestAgeSeconds).toBeNull();
  });

  it('has no depth without queues', () => {
    expect(summarizeQueues([])).toBeNull();
  });
});
