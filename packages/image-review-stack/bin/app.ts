import { App } from 'aws-cdk-lib';
import { loadClinicConfig } from '../src/config/loadClinicConfig';
import { buildApp } from '../src/stack/buildApp';
import { resolveDeployMarker } from '../src/stack/deployMarker';

// `cdk synth` (see cdk.json): every stage of the clinic in clinic.config.json,
// validated by cdk-nag's AwsSolutions and HIPAA Security packs.
const app = new App();
buildApp(app, {
  config: loadClinicConfig(app.node.tryGetContext('clinicConfig')),
  deployMarker: resolveDeployMarker({
    context: app.node.tryGetContext('deployMarker'),
    env: process.env.DEPLOY_MARKER,
  }),
});
app.synth();
