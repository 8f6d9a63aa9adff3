export {
  startMotoServer,
  configureMoto,
  freePort,
  type MotoServer,
  type StartMotoOptions,
} from './moto/MotoServer';
export {
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  type LocalAwsClientConfig,
} from './moto/clientConfig';
