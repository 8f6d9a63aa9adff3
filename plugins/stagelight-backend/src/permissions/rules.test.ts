import { stagelightEnvironmentWakePermission } from '@stagelight/backstage-plugin-stagelight-common';
import {
  createStagelightEnvironmentConditionalDecision,
  isClinic,
  isClinicOwner,
  isStage,
  isUnowned,
  stagelightEnvironmentConditions,
} from './rules';

const northsideDev = {
  clinic: 'northside',
  stage: 'dev',
  owner: 'group:default/cardiology-leads',
};
const lakeshoreProd = { clinic: 'lakeshore', stage: 'prod', owner: null };

describe('the environment permission rules', () => {
  it("matches an owner among the user's claims, without regard to case", () => {
    const claims = ['user:default/cara', 'group:default/Cardiology-Leads'];
    expect(isClinicOwner.apply(northsideDev, { claims })).toBe(true);
    expect(
      isClinicOwner.apply(northsideDev, {
        claims: ['group:default/radiology-leads'],
      }),
    ).toBe(false);
    // An unowned environment is nobody's, whatever the claims.
    expect(isClinicOwner.apply(lakeshoreProd, { claims })).toBe(false);
  });

  it('tells unowned environments, clinics and stages apart', () => {
    expect(isUnowned.apply(lakeshoreProd, undefined)).toBe(true);
    expect(isUnowned.apply(northsideDev, undefined)).toBe(false);
    expect(isClinic.apply(northsideDev, { clinics: ['northside'] })).toBe(true);
    expect(isClinic.apply(lakeshoreProd, { clinics: ['northside'] })).toBe(
      false,
    );
    expect(isStage.apply(lakeshoreProd, { stages: ['prod'] })).toBe(true);
    expect(isStage.apply(northsideDev, { stages: ['prod'] })).toBe(false);
  });

  it('validates rule parameters', () => {
    const validate = (params: unknown) =>
      isClinicOwner.paramsSchema!['~standard'].validate(params);
    expect(validate({ claims: ['group:default/x'] })).toEqual({
      value: { claims: ['group:default/x'] },
    });
    expect(validate({ claims: 'group:default/x' })).toHaveProperty('issues');
  });

  it('gives policy authors conditions of the stagelight-environment resource type', () => {
    const claims = ['group:default/cardiology-leads'];
    expect(
      createStagelightEnvironmentConditionalDecision(
        stagelightEnvironmentWakePermission,
        {
          anyOf: [
            stagelightEnvironmentConditions.isClinicOwner({ claims }),
            stagelightEnvironmentConditions.isUnowned(),
          ],
        },
      ),
    ).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'stagelight',
      resourceType: 'stagelight-environment',
      conditions: {
        anyOf: [
          {
            rule: 'IS_CLINIC_OWNER',
            resourceType: 'stagelight-environment',
            params: { claims },
          },
          { rule: 'IS_UNOWNED', resourceType: 'stagelight-environment' },
        ],
      },
    });
  });
});
