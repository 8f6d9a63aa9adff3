export {
  validateSchedule,
  minutesOf,
  MAX_PRE_WARM_MINUTES,
} from './validateSchedule';
export {
  desiredPowerState,
  type DesiredPowerAnswer,
  type DesiredPowerInput,
  type LeasePeriod,
} from './desiredPowerState';
