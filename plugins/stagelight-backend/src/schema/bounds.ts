/**
 * The bounds of every request, in one place: the contract (the OpenAPI
 * document) states them, the validator enforces them before a handler runs,
 * and the code that keeps the values (audit records, errors) relies on them.
 */

/** Longest reason kept: in a request, in the audit history, in an error. */
export const MAX_REASON_LENGTH = 500;
/** Longest note on a schedule exception. */
export const MAX_NOTE_LENGTH = 200;
/** Longest IANA time zone name accepted (the longest real one has 32). */
export const MAX_TIME_ZONE_LENGTH = 64;
/** The largest allowed schedule: weekly windows and dated exceptions (the schedule module's rule). */
export {
  MAX_SCHEDULE_EXCEPTIONS,
  MAX_SCHEDULE_WINDOWS,
} from '../schedule/validateSchedule';
/** The longest power timeline that can be asked for, in days (the shared contract's rule). */
export { MAX_TIMELINE_DAYS } from '@stagelight/backstage-plugin-stagelight-common';
/** Longest lease or extension that can be asked for at all; config narrows it. */
export const MAX_LEASE_HOURS_REQUEST = 168;
/** Deepest nesting of a request body; the deepest valid body (a projection) has 5. */
export const MAX_BODY_DEPTH = 8;

/** Request bodies: a schedule or a projection is the largest, everything else is a reason. */
export const SCHEDULE_BODY_LIMIT = '32kb';
export const DEFAULT_BODY_LIMIT = '4kb';
