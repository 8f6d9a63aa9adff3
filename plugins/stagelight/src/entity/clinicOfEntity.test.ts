import type { Entity } from '@backstage/catalog-model';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';
import { clinicOfEntity, isStagelightAvailable } from './clinicOfEntity';

function entity(kind: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'north-clinic', annotations },
  };
}

describe('isStagelightAvailable', () => {
  it('accepts a clinic System and its Components', () => {
    const annotations = { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' };
    expect(isStagelightAvailable(entity('System', annotations))).toBe(true);
    expect(isStagelightAvailable(entity('Component', annotations))).toBe(true);
  });

  it('rejects entities without the clinic annotation or with an empty one', () => {
    expect(isStagelightAvailable(entity('System'))).toBe(false);
    expect(
      isStagelightAvailable(
        entity('System', { [STAGELIGHT_CLINIC_ANNOTATION]: ' ' }),
      ),
    ).toBe(false);
  });

  it('rejects other kinds carrying the annotation (the per-stage Resources)', () => {
    expect(
      isStagelightAvailable(
        entity('Resource', { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' }),
      ),
    ).toBe(false);
  });
});

describe('clinicOfEntity', () => {
  it('reads the clinic id from the annotation', () => {
    expect(
      clinicOfEntity(
        entity('System', { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' }),
      ),
    ).toBe('north-clinic');
    expect(clinicOfEntity(entity('System'))).toBeUndefined();
  });
});
