export {
  validateSchedule,
  minutesOf,
  MAX_PRE_WARM_MINUTES,
  MAX_SCHEDULE_WINDOWS,
  MAX_SCHEDULE_EXCEPTIONS,
} from './validateSchedule';
export {
  desiredPowerState,
  type DesiredPowerAnswer,
  type DesiredPowerInput,
  type LeasePeriod,
} from './desiredPowerState';
export { scheduleTimeline } from './scheduleTimeline';
export { Timeline, type Run, type Span } from './Timeline';
