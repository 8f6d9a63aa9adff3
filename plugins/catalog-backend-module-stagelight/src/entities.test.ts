import { stringifyEntityRef } from '@backstage/catalog-model';
import { entitiesFromEnvironments } from './entities';
import { environment } from './__testUtils__/environmentFixture';

describe('entitiesFromEnvironments', () => {
  const entities = entitiesFromEnvironments(
    [
      environment('alder', 'dev'),
      environment('alder', 'prod'),
      environment('birch', 'dev', { owner: 'group:default/radiology' }),
    ],
    { defaultOwner: 'group:default/platform' },
  ).map(e => e.entity);
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));

  it('makes a System per clinic with the clinic annotation and locations', () => {
    const system = byRef.get('system:default/alder')!;
    expect(system.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'stagelight:clinic/alder',
      'backstage.io/managed-by-origin-location': 'stagelight:clinic/alder',
      'stagelight.io/clinic': 'alder',
    });
    expect(system.spec).toEqual({ owner: 'group:default/platform' });
    expect(byRef.get('system:default/birch')!.spec!.owner).toBe(
      'group:default/radiology',
    );
  });

  it('makes the four Components of a clinic with types, system and dependencies', () => {
    const alder = entities.filter(
      e => e.kind === 'Component' && e.spec?.system === 'alder',
    );
    expect(alder.map(e => [e.metadata.name, e.spec!.type])).toEqual([
      ['alder-api', 'service'],
      ['alder-ingest', 'function'],
      ['alder-notify', 'function'],
      ['alder-web', 'website'],
    ]);
    const api = byRef.get('component:default/alder-api')!;
    expect(api.spec).toEqual(
      expect.objectContaining({
        lifecycle: 'production',
        owner: 'group:default/platform',
        dependsOn: [
          'resource:default/alder-dev-db',
          'resource:default/alder-prod-db',
        ],
      }),
    );
    expect(api.metadata.annotations!['stagelight.io/clinic']).toBe('alder');
    expect(
      byRef.get('component:default/alder-ingest')!.spec!.dependsOn,
    ).toEqual([
      'resource:default/alder-dev-uploads',
      'resource:default/alder-prod-uploads',
      'resource:default/alder-dev-queue',
      'resource:default/alder-prod-queue',
      'resource:default/alder-dev-dlq',
      'resource:default/alder-prod-dlq',
      'resource:default/alder-dev-archive',
      'resource:default/alder-prod-archive',
    ]);
  });

  it('makes Resources per stage for buckets, queues and the database', () => {
    const resources = entities.filter(
      e => e.kind === 'Resource' && e.spec?.system === 'alder',
    );
    expect(
      resources.map(e => `${e.metadata.name}:${e.spec!.type}`).sort(),
    ).toEqual([
      'alder-dev-archive:s3-bucket',
      'alder-dev-db:database',
      'alder-dev-dlq:sqs-queue',
      'alder-dev-queue:sqs-queue',
      'alder-dev-uploads:s3-bucket',
      'alder-prod-archive:s3-bucket',
      'alder-prod-db:database',
      'alder-prod-dlq:sqs-queue',
      'alder-prod-queue:sqs-queue',
      'alder-prod-uploads:s3-bucket',
    ]);
    const db = byRef.get('resource:default/alder-dev-db')!;
    expect(db.spec!.dependencyOf).toEqual(['component:default/alder-api']);
    expect(db.metadata.annotations).toEqual(
      expect.objectContaining({
        'stagelight.io/stage': 'dev',
        'stagelight.io/aws-arn':
          'arn:aws:rds:us-east-1:123456789012:ir-alder-dev-db',
        'backstage.io/managed-by-location': 'stagelight:clinic/alder',
      }),
    );
  });

  it('provides nothing for an empty fleet', () => {
    expect(
      entitiesFromEnvironments([], { defaultOwner: 'group:default/x' }),
    ).toEqual([]);
  });
});
