import { expect, Page } from '@playwright/test';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  DEFAULT_TAG_KEYS,
  environmentResourceNames,
  StageName,
} from '@stagelight/tag-contract';

/** The demo organisation's people the sign-in page offers (app-config.yaml). */
export type Persona =
  | 'Guest Developer'
  | 'Lee Lead'
  | 'Cara Lead'
  | 'Max Manager';

/** Signs in as a demo persona and waits until the app shows it is signed in. */
export async function signIn(page: Page, persona: Persona = 'Guest Developer') {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${persona}` }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** Local AWS as `yarn local-aws up` serves it (moto_server on :4566). */
const ecs = new ECSClient({
  endpoint: process.env.LOCAL_AWS_ENDPOINT ?? 'http://127.0.0.1:4566',
  region: 'us-east-1',
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});

/** An environment's API service in local AWS: its desired count and the count its sleep remembered in a tag. */
export async function apiService(clinic: string, stage: StageName) {
  const names = environmentResourceNames({ clinic, stage }, '123456789012');
  const { services } = await ecs.send(
    new DescribeServicesCommand({
      cluster: names.cluster,
      services: [names.service],
      include: ['TAGS'],
    }),
  );
  const service = services?.[0];
  if (!service)
    throw new Error(`No ECS service ${names.cluster}/${names.service}`);
  const remembered = service.tags?.find(
    t => t.key === DEFAULT_TAG_KEYS.desiredCount,
  )?.value;
  return {
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    rememberedCount: remembered === undefined ? undefined : Number(remembered),
  };
}
