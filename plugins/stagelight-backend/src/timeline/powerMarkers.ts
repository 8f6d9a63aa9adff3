import {
  AuditRecord,
  PowerMarker,
  PowerMarkerKind,
} from '@stagelight/backstage-plugin-stagelight-common';
import { operationEndAction } from '../power/audit/OperationEndAudit';

/**
 * The audit actions a timeline marks, and what each marks. A wake or sleep is
 * marked where it ended (the history's `…-ended` record): every operation has
 * exactly one, the scheduler's included, and it says whether it got there.
 */
export const MARKED_ACTIONS: ReadonlyMap<string, PowerMarkerKind> = new Map([
  [operationEndAction('wake'), 'wake'],
  [operationEndAction('sleep'), 'sleep'],
  ['lease-extend', 'lease-extend'],
  ['lease-end', 'lease-end'],
]);

/**
 * Markers for the audit records of one environment, oldest first: who woke,
 * slept or changed the lease, and when. Refused attempts changed nothing and
 * are left to the audit trail.
 */
export function powerMarkers(records: readonly AuditRecord[]): PowerMarker[] {
  const markers: PowerMarker[] = [];
  for (const r of records) {
    const kind = MARKED_ACTIONS.get(r.action);
    if (!kind || (r.result !== 'succeeded' && r.result !== 'failed')) continue;
    markers.push({
      at: r.at,
      kind,
      actor: r.actor,
      reason: r.reason,
      result: r.result,
      detail: r.detail,
    });
  }
  return markers.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
