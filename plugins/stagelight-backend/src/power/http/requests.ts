import { InputError } from '@backstage/errors';
import {
  ExtendLeaseRequest,
  Schedule,
  SleepRequest,
  WakeRequest,
} from '@stagelight/backstage-plugin-stagelight-common';
import { validateSchedule } from '../../schedule';
import { MAX_REASON_LENGTH } from '../../schema/bounds';

export { MAX_REASON_LENGTH };

/** The reason as the audit keeps it: bounded, or null when none was a string. */
export function reasonExcerpt(reason: unknown): string | null {
  return typeof reason === 'string' ? reason.slice(0, MAX_REASON_LENGTH) : null;
}

function requiredReason(body: { reason?: string }): string {
  const { reason } = body;
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

  wake(body: Partial<WakeRequest>): WakeRequest {
    const reason = requiredReason(body);
    const { leaseHours } = body;
    if (leaseHours === undefined) return { reason };
    this.#checkHours(leaseHours, 'leaseHours');
    return { reason, leaseHours: leaseHours as number };
  }

  sleep(body: Partial<SleepRequest>): SleepRequest {
    return { reason: requiredReason(body) };
  }

  extend(body: Partial<ExtendLeaseRequest>): ExtendLeaseRequest {
    const reason = requiredReason(body);
    const { hours } = body;
    this.#checkHours(hours, 'hours');
    return { reason, hours: hours as number };
  }

  /** Ending a lease needs no reason; a blank one reads "lease ended early". */
  endReason(body: { reason?: string } | undefined): string {
    const reason = body?.reason;
    return typeof reason === 'string' && reason.trim()
      ? reason.trim()
      : 'lease ended early';
  }

  /** The contract bounds the shape; this checks the meaning (zone, times, days). */
  schedule(body: Partial<Schedule>): Schedule {
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
