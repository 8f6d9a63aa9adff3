import {
  RiCheckboxCircleLine,
  RiErrorWarningLine,
  RiForbidLine,
} from '@remixicon/react';
import type { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';
import { StatusLabel } from '../StatusLabels';

/**
 * An audit record's result as a word with an icon: allowed and done (or, for
 * a request that started an operation, accepted), denied, rejected or failed.
 */
export function AuditResultLabel(props: {
  result: AuditRecord['result'];
  /** The record is a request that started an operation (see `startedOperation`). */
  accepted?: boolean;
}) {
  if (props.accepted) {
    return (
      <StatusLabel tone="ok" icon={RiCheckboxCircleLine}>
        Accepted
      </StatusLabel>
    );
  }
  switch (props.result) {
    case 'succeeded':
      return (
        <StatusLabel tone="ok" icon={RiCheckboxCircleLine}>
          Succeeded
        </StatusLabel>
      );
    case 'denied':
      return (
        <StatusLabel tone="warning" icon={RiForbidLine}>
          Denied
        </StatusLabel>
      );
    case 'rejected':
      return (
        <StatusLabel tone="warning" icon={RiForbidLine}>
          Rejected
        </StatusLabel>
      );
    default:
      return (
        <StatusLabel tone="error" icon={RiErrorWarningLine}>
          Failed
        </StatusLabel>
      );
  }
}
