import {
  DEFAULT_TAG_KEYS,
  environmentTagList,
  environmentResourceNames,
  environmentTags,
  isValidClinicId,
} from './index';

describe('tag contract', () => {
  it('tags a resource with app, clinic, stage and component', () => {
    expect(
      environmentTags({ clinic: 'northside', stage: 'dev', component: 'api' }),
    ).toEqual({
      'stagelight:app': 'image-review',
      'stagelight:clinic': 'northside',
      'stagelight:stage': 'dev',
      'stagelight:component': 'api',
    });
  });

  it('adds the owner tag only for a clinic with an owner', () => {
    expect(
      environmentTags({
        clinic: 'northside',
        stage: 'dev',
        component: 'db',
        owner: 'group:default/cardiology-leads',
      }),
    ).toMatchObject({
      'stagelight:owner': 'group:default/cardiology-leads',
    });
    expect(
      Object.keys(
        environmentTags({ clinic: 'a', stage: 'dev', component: 'db' }),
      ),
    ).not.toContain('stagelight:owner');
  });

  it('honours renamed keys', () => {
    const keys = { ...DEFAULT_TAG_KEYS, clinic: 'acme:site' };
    expect(
      environmentTagList({ clinic: 'a', stage: 'prod', component: 'db' }, keys),
    ).toContainEqual({ Key: 'acme:site', Value: 'a' });
  });

  it.each([
    ['northside', true],
    ['clinic-7', true],
    ['Northside', false],
    ['7clinic', false],
    ['double--hyphen', false],
    ['trailing-', false],
    ['a'.repeat(28), true],
    ['a'.repeat(29), false],
  ])('clinic id %p valid: %p', (id, ok) => {
    expect(isValidClinicId(id)).toBe(ok);
  });
});

describe('environment resource names', () => {
  it('derives every name from clinic, stage and account', () => {
    const names = environmentResourceNames(
      { clinic: 'northside', stage: 'dev' },
      '111122223333',
    );
    expect(names.prefix).toBe('ir-northside-dev');
    expect(names.ingestDlq).toBe('ir-northside-dev-ingest-dlq');
    expect(names.uploadsBucket).toBe('ir-northside-dev-uploads-111122223333');
  });

  it('keeps bucket names within S3 limits for the longest clinic id', () => {
    const names = environmentResourceNames(
      { clinic: 'a'.repeat(28), stage: 'staging' },
      '111122223333',
    );
    for (const bucket of [
      names.uploadsBucket,
      names.archiveBucket,
      names.logsBucket,
      names.webBucket,
    ]) {
      expect(bucket.length).toBeLessThanOrEqual(63);
    }
  });
});
