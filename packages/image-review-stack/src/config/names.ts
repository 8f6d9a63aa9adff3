import {
  environmentResourceNames,
  EnvironmentResourceNames,
} from '@stagelight/tag-contract';
import type { ClinicConfig, ResolvedStage } from './schema';

/**
 * Everything about one environment (clinic x stage) that is derived rather than
 * configured: resource names, domains, the upload filter. One function, so the
 * stack, the Lambdas' environment and the tests agree on every name.
 *
 * @public
 */
export interface EnvironmentNames extends EnvironmentResourceNames {
  databaseName: string;
  /** ECR repository shared by the clinic's stages; images are tagged with the deploy marker. */
  apiRepository: string;
  /** Secrets Manager name of the OIDC client secret the clinic's IdP issued. */
  idpClientSecretName: string;
  /** Secrets Manager name of the token the ingest Lambda presents to the API. */
  ingestTokenSecretName: string;
  cognitoDomainPrefix: string;
  /** Host the web app is served on when the stage has its own certificate. */
  webHost: string;
  /** Host the API's ALB certificate covers. */
  apiHost: string;
}

/** @public */
export function environmentNames(
  config: Pick<ClinicConfig, 'clinic' | 'webDomain'>,
  stage: Pick<ResolvedStage, 'name' | 'account' | 'protected'>,
): EnvironmentNames {
  const resources = environmentResourceNames(
    { clinic: config.clinic, stage: stage.name },
    stage.account,
  );
  const prefix = resources.prefix;
  // The protected (production) stage owns the bare domain; the others get a sub-domain.
  const webHost = stage.protected
    ? config.webDomain
    : `${stage.name}.${config.webDomain}`;
  return {
    ...resources,
    databaseName: 'imagereview',
    apiRepository: `ir-${config.clinic}/api`,
    idpClientSecretName: `${prefix}/idp-client-secret`,
    ingestTokenSecretName: `${prefix}/ingest-token`,
    cognitoDomainPrefix: prefix,
    webHost,
    apiHost: `api.${webHost}`,
  };
}

/**
 * The S3 key filter that decides which uploads enter the ingest pipeline.
 *
 * @public
 */
export function uploadEventFilter(
  config: Pick<ClinicConfig, 'uploadPrefix' | 'imageSuffix'>,
): { prefix: string; suffix: string } {
  return { prefix: config.uploadPrefix, suffix: config.imageSuffix };
}
