import { InputError } from '@backstage/errors';
import {
  ExtendLeaseRequest,
  Schedule,
  SleepRequest,
  WakeRequest,
} from '@internal/plugin-stagelight-common';
import { validateSchedule } from '../../schedule';

/** Longest reason kept: in a request, in the audit history, in an error. */
export const MAX_REASON_LENGTH = 500;

/** The reason as the audit keeps it: bounded, or null when none was a string. */
export function reasonExcerpt(reason: unknown): string | null {
  return typeof reason === 'string' ? reason.slice(0, MAX_REASON_LENGTH) : null;
}

function requiredReason(body: unknown): string {
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  if (typeof reason !== 'string' || !reason.trim()) {
    throw new InputError(
      'reason is required: say why, it goes into the audit history',
    );
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw new InputError(
      `reason must be at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return reason.trim();
}

/**
 * Request bodies of wake, sleep, lease and schedule changes, checked before
 * anything is looked up or changed. Shared by the HTTP routes and the actions.
 */
export class PowerRequests {
  constructor(private readonly o: { maxLeaseHours: number }) {}

  wake(body: unknown): WakeRequest {
    const reason = requiredReason(body);
    const leaseHours = (body as { leaseHours?: unknown }).leaseHours;
    if (leaseHours === undefined) return { reason };
    this.#checkHours(leaseHours, 'leaseHours');
    return { reason, leaseHours: leaseHours as number };
  }

  sleep(body: unknown): SleepRequest {
    return { reason: requiredReason(body) };
  }

  extend(body: unknown): ExtendLeaseRequest {
    const reason = requiredReason(body);
    const hours = (body as { hours?: unknown }).hours;
    this.#checkHours(hours, 'hours');
    return { reason, hours: hours as number };
  }

  /** Ending a lease needs no reason; a blank one reads "lease ended early". */
  endReason(body: unknown): string {
    const reason = (body as { reason?: unknown } | undefined)?.reason;
    return typeof reason === 'string' && reason.trim()
      ? reason.trim()
      : 'lease ended early';
  }

  schedule(body: unknown): Schedule {
    return validateSchedule(body);
  }

  #checkHours(value: unknown, name: string) {
    const max = this.o.maxLeaseHours;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 1 ||
      value > max
    ) {
      throw new InputError(
        `${name} must be a number of hours from 1 to ${max}`,
      );
    }
  }
}
