import type { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';

/** How many records of each stage the history asks for. */
export const HISTORY_LIMIT_PER_STAGE = 50;

/** The records of several stages as one list, newest first (ties: higher id first). */
export function mergeHistory(lists: AuditRecord[][]): AuditRecord[] {
  return lists
    .flat()
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
}

const ACTIONS: Record<string, string> = {
  'environment-wake': 'Wake',
  'environment-sleep': 'Sleep',
  'environment-wake-ended': 'Wake finished',
  'environment-sleep-ended': 'Sleep finished',
  'lease-extend': 'Extend lease',
  'lease-end': 'End lease',
  'schedule-edit': 'Edit schedule',
  'clinic-wake': 'Wake clinic',
  'clinic-sleep': 'Sleep clinic',
  'stage-wake': 'Wake stage',
  'stage-sleep': 'Sleep stage',
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/**
 * A request that started an operation: its record says the request was
 * accepted; whether the environment got there is the operation's own end
 * record (`…-ended`), written when it finishes.
 */
export function startedOperation(record: AuditRecord): boolean {
  return (
    record.result === 'succeeded' &&
    record.operationId !== null &&
    !record.action.endsWith('-ended')
  );
}

/** `user:default/jane` reads as `jane`; other namespaces and kinds stay whole. */
export function actorLabel(actor: string): string {
  const match = /^user:default\/(.+)$/.exec(actor);
  return match ? match[1] : actor;
}

/** Which environment (or bulk scope) an audit record is about, e.g. `north-clinic/dev`. */
export function auditTarget(
  record: Pick<AuditRecord, 'clinic' | 'stage'>,
): string {
  const { clinic, stage } = record;
  if (clinic && stage) return `${clinic}/${stage}`;
  if (clinic) return `${clinic} (every stage)`;
  if (stage) return `${stage} (every clinic)`;
  return '–';
}
