import { expect, Locator, Page } from '@playwright/test';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListClustersCommand,
} from '@aws-sdk/client-ecs';
import { DEFAULT_STAGES, DEFAULT_TAG_KEYS } from '@stagelight/tag-contract';

/**
 * What every adopter fixture provides, so these specs run against each:
 * the backend serving the built app (ADOPTER_URL), a sign-in page offering the
 * guest provider, which signs in as the lead of the fixture's org.yaml, a
 * "Stagelight" nav item and a "Stages" tab on clinics (adopters/README.md).
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Stagelight', exact: true }),
  ).toBeVisible();
}

/**
 * Opens a clinic's System page and its "Stages" tab: a tab (legacy
 * EntityLayout) or a link of the page's content navigation (new frontend
 * system), whichever the app renders.
 */
export async function openStagesTab(page: Page, clinic: string) {
  await page.goto(`/catalog/default/system/${clinic}`);
  await page
    .getByRole('tab', { name: 'Stages', exact: true })
    .or(
      page
        .getByRole('navigation', { name: 'Content navigation' })
        .getByRole('link', { name: 'Stages', exact: true }),
    )
    .click();
  await expect(page).toHaveURL(new RegExp(`/system/${clinic}/stagelight$`));
  const board = page.getByRole('table').first();
  await expect(board.getByRole('row', { name: /^Power/ })).toBeVisible();
  return board;
}

/** The index of a stage's column among a board's cells (the first header names the rows). */
export async function stageColumn(board: Locator, stage: string) {
  await expect(
    board.getByRole('columnheader', { name: new RegExp(`^${stage}`) }),
  ).toBeVisible();
  const headers = await board.getByRole('columnheader').allTextContents();
  const index = headers.slice(1).findIndex(h => h.startsWith(stage));
  if (index < 0)
    throw new Error(`No column ${stage} among ${headers.join(', ')}`);
  return index;
}

/** Local AWS as `yarn local-aws up` serves it (moto_server on :4566). */
const ecs = new ECSClient({
  endpoint: process.env.LOCAL_AWS_ENDPOINT ?? 'http://127.0.0.1:4566',
  region: 'us-east-1',
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});

export interface LocalEnvironment {
  clinic: string;
  stage: string;
  cluster: string;
}

/** Every environment local AWS holds, found by the tags of its ECS cluster (as Stagelight finds them). */
export async function localEnvironments(): Promise<LocalEnvironment[]> {
  const { clusterArns = [] } = await ecs.send(new ListClustersCommand({}));
  const found: LocalEnvironment[] = [];
  for (let i = 0; i < clusterArns.length; i += 100) {
    const { clusters = [] } = await ecs.send(
      new DescribeClustersCommand({
        clusters: clusterArns.slice(i, i + 100),
        include: ['TAGS'],
      }),
    );
    for (const cluster of clusters) {
      const tag = (key: string) =>
        cluster.tags?.find(t => t.key === key)?.value;
      const clinic = tag(DEFAULT_TAG_KEYS.clinic);
      const stage = tag(DEFAULT_TAG_KEYS.stage);
      if (clinic && stage && tag(DEFAULT_TAG_KEYS.app)) {
        found.push({ clinic, stage, cluster: cluster.clusterName! });
      }
    }
  }
  if (!found.length)
    throw new Error(
      'Local AWS holds no tagged environment: was the demo fleet seeded?',
    );
  const order = (s: string) => DEFAULT_STAGES.indexOf(s as any);
  return found.sort(
    (a, b) =>
      a.clinic.localeCompare(b.clinic) || order(a.stage) - order(b.stage),
  );
}

/** An environment's API service in local AWS: its counts and the count its sleep remembered in a tag. */
export async function apiService(env: LocalEnvironment) {
  const { services } = await ecs.send(
    new DescribeServicesCommand({
      cluster: env.cluster,
      services: ['api'],
      include: ['TAGS'],
    }),
  );
  const service = services?.[0];
  if (!service) throw new Error(`No ECS service ${env.cluster}/api`);
  const remembered = service.tags?.find(
    t => t.key === DEFAULT_TAG_KEYS.desiredCount,
  )?.value;
  return {
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    rememberedCount: remembered === undefined ? undefined : Number(remembered),
  };
}

/** The power state the board must show for an environment whose ECS service is settled. */
export async function expectedPower(env: LocalEnvironment) {
  const { desiredCount, runningCount } = await apiService(env);
  if (desiredCount === 0 && runningCount === 0) return 'Asleep';
  if (desiredCount > 0 && runningCount >= desiredCount) return 'Awake';
  throw new Error(
    `${env.clinic}/${env.stage} is changing in local AWS (desired ${desiredCount}, running ${runningCount})`,
  );
}

export async function environmentOf(clinic: string, stage: string) {
  const env = (await localEnvironments()).find(
    e => e.clinic === clinic && e.stage === stage,
  );
  if (!env) throw new Error(`Local AWS has no environment ${clinic}/${stage}`);
  return env;
}
