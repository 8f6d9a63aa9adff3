/**
 * The power timeline of a clinic or the fleet: recorded power bands, the
 * schedule's windows, leases, who woke or slept what, and cost per day. See
 * docs/architecture.md, "The power timeline".
 */
export { createTimelineModule, type TimelineModule } from './TimelineModule';
export { PowerTimelines, type PowerTimelinesOptions } from './PowerTimelines';
