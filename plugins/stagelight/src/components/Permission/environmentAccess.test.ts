import {
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  deniedEnvironmentsReason,
  environmentAccess,
} from './environmentAccess';

const wake = { any: 'wake environments', one: (ref: string) => `wake ${ref}` };
const env = (clinic: string, owner: string | null) => ({
  clinic,
  stage: 'dev',
  owner,
});

describe('environmentAccess', () => {
  it('authorizes the environment by its resource ref and names its owner', () => {
    expect(
      environmentAccess(
        stagelightEnvironmentWakePermission,
        env('northside', 'group:default/a'),
        wake,
      ),
    ).toEqual({
      resourceRef: 'northside/dev',
      what: 'wake northside/dev',
      who: 'leads of its owner, group:default/a,',
    });
    expect(
      environmentAccess(
        stagelightScheduleEditPermission,
        env('northside', null),
        { any: 'edit schedules', one: ref => `edit ${ref}` },
      ),
    ).toEqual({ resourceRef: 'northside/dev', what: 'edit schedules' });
  });

  it('words a refusal of several environments by their owners', () => {
    const reason = (...denied: ReturnType<typeof env>[]) =>
      deniedEnvironmentsReason(
        stagelightEnvironmentWakePermission,
        denied,
        wake,
      );
    expect(
      reason(env('a', 'group:default/x'), env('b', 'group:default/y')),
    ).toBe(
      'You are not allowed to wake a/dev, b/dev; only leads of their owners, group:default/x, group:default/y, can',
    );
    // An unowned one refused: the user is no lead at all.
    expect(reason(env('a', 'group:default/x'), env('b', null))).toBe(
      'You are not allowed to wake environments; only leads can',
    );
  });
});
