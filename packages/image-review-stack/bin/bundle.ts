import { bundleApi, bundleLambda, LAMBDA_NAMES } from '../src/lambdas/bundle';

// `yarn bundle`: what the pipeline runs before `docker build` (the API) and
// what `cdk synth` does by itself for the Lambdas.
for (const bundle of [
  ...LAMBDA_NAMES.map(name => bundleLambda(name)),
  bundleApi(),
]) {
  process.stdout.write(
    `${bundle.name}\t${bundle.bytes} bytes\t${bundle.dir}\n`,
  );
}
