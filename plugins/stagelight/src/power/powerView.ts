import { ResponseError } from '@backstage/errors';
import type {
  PowerOperation,
  PowerOperationKind,
  PowerState,
  PowerStep,
  PowerStepName,
} from '@stagelight/backstage-plugin-stagelight-common';
import { backendMessage } from '../api';

/** Lease lengths the wake dialog offers; the backend caps them at stagelight.power.maxLeaseHours. */
export const LEASE_HOUR_OPTIONS = [1, 2, 4, 8] as const;
export const DEFAULT_LEASE_HOURS = 2;

/**
 * Which power actions a stage column offers. Wake only when the environment
 * is not awake (and not already changing), Sleep only when it is awake and
 * the stage is not protected.
 */
export function availableActions(
  power: PowerState,
  isProtected: boolean,
): { wake: boolean; sleep: boolean } {
  const wakeable =
    power === 'asleep' ||
    power === 'partial' ||
    power === 'paused' ||
    power === 'unknown';
  return { wake: wakeable, sleep: power === 'awake' && !isProtected };
}

const STEP_LABELS: Record<PowerStepName, string> = {
  'remember-counts': 'remembering the desired counts',
  'release-scaling': 'lowering auto scaling to 0',
  'scale-to-zero': 'scaling the services to 0',
  'stop-db': 'stopping the database',
  'start-db': 'starting the database',
  'wait-db-available': 'waiting for the database',
  'restore-scaling': 'restoring auto scaling',
  'restore-counts': 'restoring the desired counts',
  'wait-ready': 'waiting for the deploy marker to be served',
};

export function stepLabel(name: PowerStepName): string {
  return STEP_LABELS[name] ?? name;
}

export function isFinished(op: PowerOperation): boolean {
  return op.status === 'succeeded' || op.status === 'failed';
}

/** The step being worked on: the running one, else the next pending one. */
export function currentStep(
  op: PowerOperation,
): { step: PowerStep; index: number } | undefined {
  let index = op.steps.findIndex(s => s.status === 'running');
  if (index < 0) index = op.steps.findIndex(s => s.status === 'pending');
  return index < 0 ? undefined : { step: op.steps[index], index };
}

export function kindVerb(kind: PowerOperationKind): string {
  return kind === 'wake' ? 'Waking' : 'Going to sleep';
}

export function kindNoun(kind: PowerOperationKind): string {
  return kind === 'wake' ? 'Wake' : 'Sleep';
}

/** One line about a running operation, e.g. "Waking: starting the database (step 2 of 4)". */
export function progressText(op: PowerOperation): string {
  if (op.status === 'pending') return `${kindVerb(op.kind)}: queued`;
  const current = currentStep(op);
  if (!current) return `${kindVerb(op.kind)}: finishing`;
  return `${kindVerb(op.kind)}: ${stepLabel(current.step.name)} (step ${
    current.index + 1
  } of ${op.steps.length})`;
}

/** The error of a failed operation: its own, else the failed step's. */
export function failureText(op: PowerOperation): string {
  if (op.error) return op.error;
  const step = op.steps.find(s => s.status === 'failed');
  if (step?.error) return `${stepLabel(step.name)}: ${step.error}`;
  return 'no error message was recorded';
}

/** A duration as "2m40s", "45s" or "1h05m". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** How long a finished operation took, from the backend's own timestamps. */
export function operationDurationMs(op: PowerOperation): number | undefined {
  if (!op.finishedAt) return undefined;
  const ms = Date.parse(op.finishedAt) - Date.parse(op.createdAt);
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * What to tell the user about a failed request: the backend's own message,
 * prefixed by what the status means.
 */
export function requestErrorText(error: unknown): string {
  const message = backendMessage(error);
  if (error instanceof ResponseError) {
    switch (error.statusCode) {
      case 403:
        return `Not allowed: ${message}`;
      case 409:
        return `Refused: ${message}`;
      case 400:
        return `Invalid request: ${message}`;
      default:
        return message;
    }
  }
  return message;
}
