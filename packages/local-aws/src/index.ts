export {
  startMotoServer,
  useSimpleLambda,
  freePort,
  type MotoServer,
  type StartMotoOptions,
} from './moto/MotoServer';
export {
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  type LocalAwsClientConfig,
} from './moto/clientConfig';
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
