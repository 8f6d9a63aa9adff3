export {
  createPowerModule,
  type PowerModule,
  type PowerModuleOptions,
} from './PowerModule';
export { readPowerSettings, type PowerSettings } from './PowerSettings';
export { createPowerRouter, type PowerRouterOptions } from './router';
export {
  PowerService,
  SCHEDULER_ACTOR,
  type ApplySchedulesResult,
} from './PowerService';
export {
  PowerEngine,
  type PowerObserver,
  type StartOperation,
} from './PowerEngine';
export { powerTargetsOf, type PowerTargets } from './PowerTargets';
export { PowerNotifier, operationSignal, clinicLink } from './PowerNotifier';
export { registerPowerActions, type PowerActionsOptions } from './actions';
export { PowerGuard, actorOf } from './PowerGuard';
