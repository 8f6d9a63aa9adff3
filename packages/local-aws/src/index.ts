// The moto harness lives with the image-review stack, whose tests (and every
// repository generated from it) need it; local tooling gets it from there.
export {
  startMotoServer,
  useSimpleLambda,
  freePort,
  type MotoServer,
  type StartMotoOptions,
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  type LocalAwsClientConfig,
} from '@stagelight/image-review-stack/moto';
export {
  demoFleet,
  environmentResourceNames,
  type DemoEnvironment,
  type DemoFleet,
} from './fleet/demoFleet';
export { seedFleet, type SeedOptions, type SeedReport } from './seed/seedFleet';
export { createSeedClients, type SeedClients } from './seed/clients';
export { demoCostPages, queueCostResults } from './seed/cost';
export {
  startApiSimulator,
  type ApiSimulator,
  type ApiSimulatorOptions,
} from './simulator/ApiSimulator';
