import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AwsClientCustomizer } from './aws/AwsClientFactory';

/**
 * Lets a backend module adjust the SDK clients Stagelight creates, e.g. to add
 * tracing or metrics middleware (and, in tests, fault injection).
 *
 * @public
 */
export interface StagelightAwsExtensionPoint {
  addClientCustomizer(customizer: AwsClientCustomizer): void;
}

/** @public */
export const stagelightAwsExtensionPoint =
  createExtensionPoint<StagelightAwsExtensionPoint>({
    id: 'stagelight.aws',
  });

export class AwsExtensions implements StagelightAwsExtensionPoint {
  readonly customizers: AwsClientCustomizer[] = [];

  addClientCustomizer(customizer: AwsClientCustomizer): void {
    this.customizers.push(customizer);
  }
}
