/**
 * Local AWS for tests: a moto_server process on loopback and SDK v3 client
 * settings for it. The stack's own moto-backed tests use it (and so does every
 * repository generated from this package, which copies `src/`); Stagelight's
 * private local-aws tooling re-exports it from here, so there is one harness.
 *
 * A separate entry point (`@stagelight/image-review-stack/moto`) because the
 * package index loads aws-cdk-lib; this one loads nothing but Node built-ins.
 *
 * @packageDocumentation
 */
export {
  startMotoServer,
  useSimpleLambda,
  freePort,
  type MotoServer,
  type StartMotoOptions,
} from './MotoServer';
export {
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  type LocalAwsClientConfig,
} from './clientConfig';
