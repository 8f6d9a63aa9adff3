import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
} from '@aws-sdk/client-lambda';
import { ComponentName, environmentTags } from '@stagelight/tag-contract';
import { DemoEnvironment, environmentResourceNames } from '../fleet/demoFleet';
import { SeedClients } from './clients';
import { isNotFound } from './errors';
import { singleFileZip } from './zip';

// The demo functions only need to exist and be tagged; the real handlers live in
// the image-review stack package.
const DEMO_HANDLER =
  'exports.handler = async () => ({ batchItemFailures: [] });\n';

async function ensureRole(c: SeedClients, name: string) {
  try {
    return (await c.iam.send(new GetRoleCommand({ RoleName: name }))).Role!
      .Arn!;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const created = await c.iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    }),
  );
  return created.Role!.Arn!;
}

async function ensureFunction(
  c: SeedClients,
  name: string,
  role: string,
  env: DemoEnvironment,
  component: ComponentName,
) {
  try {
    await c.lambda.send(new GetFunctionCommand({ FunctionName: name }));
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await c.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: singleFileZip('index.js', DEMO_HANDLER) },
      MemorySize: 256,
      Timeout: 30,
      Environment: { Variables: { CLINIC: env.clinic, STAGE: env.stage } },
      Tags: environmentTags({
        clinic: env.clinic,
        stage: env.stage,
        owner: env.owner,
        component,
      }),
    }),
  );
}

export async function seedFunctions(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
) {
  const names = environmentResourceNames(env, accountId);
  const role = await ensureRole(c, names.lambdaRole);
  await ensureFunction(c, names.ingestFunction, role, env, 'ingest');
  await ensureFunction(c, names.notifyFunction, role, env, 'notify');
}
