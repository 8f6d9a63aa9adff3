import { entitiesFromEnvironments } from '@stagelight/backstage-plugin-catalog-backend-module-stagelight';
import {
  STAGELIGHT_ARN_ANNOTATION,
  STAGELIGHT_STAGE_ANNOTATION,
  type EnvironmentDetail,
  type EnvironmentResource,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { Entity } from '@backstage/catalog-model';
import { sampleForm } from '../__testUtils__/clinicForm';
import { checkClinicForm } from '../clinic/clinicForm';
import {
  ClinicConfig,
  ResolvedStage,
  environmentNames,
} from '../stack/stackPackage';
import { clinicEntities } from './clinicEntities';

const { config } = checkClinicForm(sampleForm());

/** What the Stagelight inventory reports for a deployed stage: its tagged resources. */
function deployedEnvironment(
  c: ClinicConfig,
  stage: ResolvedStage,
): EnvironmentDetail {
  const n = environmentNames(c, stage);
  const res = (
    component: string,
    type: string,
    name: string,
    arn: string,
  ): EnvironmentResource => ({
    arn,
    component,
    type,
    name,
    accountId: stage.account,
    region: stage.region,
  });
  const r = `${stage.region}:${stage.account}`;
  return {
    clinic: c.clinic,
    stage: stage.name,
    protected: stage.protected,
    owner: c.owner,
    power: 'awake',
    readiness: 'ready',
    expectedMarker: 'm',
    servedMarker: 'm',
    queue: null,
    errors: [],
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds: 0,
    resources: [
      res(
        'api',
        'ecs:service',
        'api',
        `arn:aws:ecs:${r}:service/${n.cluster}/api`,
      ),
      res(
        'db',
        'rds:cluster',
        n.dbCluster,
        `arn:aws:rds:${r}:cluster:${n.dbCluster}`,
      ),
      res('uploads', 's3', n.uploadsBucket, `arn:aws:s3:::${n.uploadsBucket}`),
      res('archive', 's3', n.archiveBucket, `arn:aws:s3:::${n.archiveBucket}`),
      res('queue', 'sqs', n.ingestQueue, `arn:aws:sqs:${r}:${n.ingestQueue}`),
      res('dlq', 'sqs', n.ingestDlq, `arn:aws:sqs:${r}:${n.ingestDlq}`),
      res(
        'ingest',
        'lambda:function',
        n.ingestFunction,
        `arn:aws:lambda:${r}:function:${n.ingestFunction}`,
      ),
    ],
    services: [],
    database: null,
    queues: [],
    functions: [],
    readinessDetail: {} as EnvironmentDetail['readinessDetail'],
  };
}

/** The parts of an entity both sides must agree on (not titles or location annotations). */
function identity(e: Entity) {
  const a = e.metadata.annotations ?? {};
  return {
    kind: e.kind,
    name: e.metadata.name,
    clinic: a['stagelight.io/clinic'],
    stage: a[STAGELIGHT_STAGE_ANNOTATION],
    arn: a[STAGELIGHT_ARN_ANNOTATION],
    spec: e.spec,
  };
}

describe('clinicEntities', () => {
  it('matches what the Stagelight catalog module discovers once every stage is deployed', () => {
    const discovered = entitiesFromEnvironments(
      config.stages.map(s => deployedEnvironment(config, s)),
      { defaultOwner: 'group:default/nobody' },
    ).map(d => d.entity);
    const planned = clinicEntities(config);

    const byRef = (list: Entity[]) =>
      list
        .map(identity)
        .sort((x, y) =>
          `${x.kind}/${x.name}`.localeCompare(`${y.kind}/${y.name}`),
        );
    expect(byRef(planned)).toEqual(byRef(discovered));
    // Titles say which AWS resource a Resource stands for, as the module's do.
    const titles = (list: Entity[]) =>
      list
        .filter(e => e.kind === 'Resource')
        .map(e => e.metadata.title)
        .sort();
    expect(titles(planned)).toEqual(titles(discovered));
  });

  it('gives a System, four Components and five Resources per stage', () => {
    const planned = clinicEntities(config, { repoSlug: 'acme/lakeside-stack' });
    const count = (kind: string) => planned.filter(e => e.kind === kind).length;
    expect(count('System')).toBe(1);
    expect(count('Component')).toBe(4);
    expect(count('Resource')).toBe(5 * config.stages.length);
    const system = planned[0];
    expect(system.metadata).toMatchObject({
      name: 'lakeside',
      title: 'Lakeside Imaging',
      annotations: {
        'stagelight.io/clinic': 'lakeside',
        'github.com/project-slug': 'acme/lakeside-stack',
      },
    });
    expect(system.spec).toEqual({ owner: 'group:default/lakeside-imaging' });
    const prodDb = planned.find(e => e.metadata.name === 'lakeside-prod-db')!;
    expect(prodDb.metadata.annotations?.[STAGELIGHT_ARN_ANNOTATION]).toBe(
      'arn:aws:rds:eu-west-1:333333333333:cluster:ir-lakeside-prod-db',
    );
  });
});
