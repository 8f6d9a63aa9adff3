export {
  createPowerModule,
  type PowerModule,
  type PowerModuleOptions,
} from './PowerModule';
export { readPowerSettings, type PowerSettings } from './PowerSettings';
export { PowerService } from './service/PowerService';
export {
  SCHEDULER_ACTOR,
  type ApplySchedulesResult,
} from './service/ScheduleApplier';
export {
  PowerEngine,
  type PowerObserver,
  type StartOperation,
} from './engine/PowerEngine';
export { PowerNotifier } from './notify/PowerNotifier';
