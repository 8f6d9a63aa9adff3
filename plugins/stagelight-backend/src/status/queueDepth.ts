import {
  QueueDepth,
  QueueStatus,
} from '@stagelight/backstage-plugin-stagelight-common';

/** The dead-letter queue's component tag value. */
const DLQ_COMPONENT = 'dlq';

/**
 * One environment's queue depth: work queues summed, DLQ messages apart, the
 * oldest age the maximum of known ages (null when no queue reported one).
 */
export function summarizeQueues(queues: QueueStatus[]): QueueDepth | null {
  if (queues.length === 0) return null;
  const work = queues.filter(q => q.component !== DLQ_COMPONENT);
  const dlqs = queues.filter(q => q.component === DLQ_COMPONENT);
  const ages = work
    .map(q => q.oldestAgeSeconds)
    .filter((a): a is number => a !== null);
  return {
    visible: work.reduce((n, q) => n + q.visible, 0),
    inFlight: work.reduce((n, q) => n + q.inFlight, 0),
    delayed: work.reduce((n, q) => n + q.delayed, 0),
    dlq: dlqs.reduce((n, q) => n + q.visible + q.inFlight + q.delayed, 0),
    oldestAgeSeconds: ages.length ? Math.max(...ages) : null,
  };
}
