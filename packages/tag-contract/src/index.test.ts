import {
  DEFAULT_TAG_KEYS,
  environmentTagList,
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
    ['a'.repeat(32), true],
    ['a'.repeat(33), false],
  ])('clinic id %p valid: %p', (id, ok) => {
    expect(isValidClinicId(id)).toBe(ok);
  });
});
