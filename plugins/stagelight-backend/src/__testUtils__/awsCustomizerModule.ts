import { createBackendModule } from '@backstage/backend-plugin-api';
import { AwsClientCustomizer } from '../aws/AwsClientFactory';
import { stagelightAwsExtensionPoint } from '../extensions';

/**
 * A backend module that hands customizers (call counters, injected faults or
 * latency) to the stagelight plugin's AWS clients, as an adopter's module would.
 */
export function awsCustomizerModule(
  moduleId: string,
  ...customizers: AwsClientCustomizer[]
) {
  return createBackendModule({
    pluginId: 'stagelight',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { aws: stagelightAwsExtensionPoint },
        async init({ aws }) {
          customizers.forEach(c => aws.addClientCustomizer(c));
        },
      });
    },
  });
}
