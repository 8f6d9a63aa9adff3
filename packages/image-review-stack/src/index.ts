/**
 * The image-review stack one clinic gets: the clinic config (schema, loading,
 * derived names), the CDK stack and app per stage, and the API server. Local
 * AWS for tests is the separate `@stagelight/image-review-stack/moto` entry.
 *
 * @packageDocumentation
 */
export {
  parseClinicConfig,
  clinicConfigSchema,
  ClinicConfigError,
} from './config/schema';
export type {
  ClinicConfig,
  ClinicConfigInput,
  ResolvedStage,
  StageConfig,
} from './config/schema';
export {
  loadClinicConfig,
  DEFAULT_CLINIC_CONFIG_PATH,
} from './config/loadClinicConfig';
export { environmentNames, uploadEventFilter } from './config/names';
export type { EnvironmentNames } from './config/names';
export { ImageReviewStack } from './stack/ImageReviewStack';
export type { ImageReviewStackProps } from './stack/ImageReviewStack';
export type { StageEnvironment } from './constructs/StageEnvironment';
export { buildApp, FEATURE_FLAGS } from './stack/buildApp';
export { synthesizeClinic } from './stack/synthesizeClinic';
export type { SynthesizedClinic } from './stack/synthesizeClinic';
export type { BuildAppOptions } from './stack/buildApp';
export { resolveDeployMarker } from './stack/deployMarker';
export type { DeployMarkerSources } from './stack/deployMarker';
export { startApiServer } from './api/server';
export type { ApiServerOptions, RunningApiServer } from './api/server';
export type { Logger } from './logging';
export type * from './api/contract';
