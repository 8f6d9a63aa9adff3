import { RiCheckboxCircleLine, RiErrorWarningLine } from '@remixicon/react';
import type { QueueDepth } from '@stagelight/backstage-plugin-stagelight-common';
import { formatAge } from '../../status/dataAge';
import { StatusLabel } from './StatusLabel';

/** Visible, in-flight and delayed messages, and the age of the oldest one. */
export function QueueDepthText(props: { queue: QueueDepth | null }) {
  const { queue } = props;
  if (!queue) return <>No queue reported</>;
  return (
    <>
      {queue.visible} waiting, {queue.inFlight} in flight, {queue.delayed}{' '}
      delayed
      {queue.oldestAgeSeconds !== null && (
        <>
          <br />
          oldest {formatAge(queue.oldestAgeSeconds)}
        </>
      )}
    </>
  );
}

/** The dead-letter queue, highlighted when anything is in it. */
export function DeadLetterText(props: { queue: QueueDepth | null }) {
  const { queue } = props;
  if (!queue) return <>No queue reported</>;
  if (queue.dlq === 0) {
    return (
      <StatusLabel tone="ok" icon={RiCheckboxCircleLine}>
        Empty
      </StatusLabel>
    );
  }
  return (
    <StatusLabel tone="error" icon={RiErrorWarningLine}>
      {queue.dlq} {queue.dlq === 1 ? 'message' : 'messages'} in the DLQ
    </StatusLabel>
  );
}
