import { isPowerState } from './vocabulary';
import {
  environmentResourceRef,
  parseEnvironmentResourceRef,
  STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
  stagelightAdminPermission,
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightPermissions,
  stagelightScheduleEditPermission,
} from './permissions';

describe('stagelight permissions and vocabulary', () => {
  it('names the read permission as the policy expects it', () => {
    expect(stagelightEnvironmentReadPermission).toEqual({
      type: 'basic',
      name: 'stagelight.environment.read',
      attributes: { action: 'read' },
    });
    expect(stagelightPermissions).toContain(
      stagelightEnvironmentReadPermission,
    );
  });

  it('decides wake, sleep and schedule edits per environment, read and cost not', () => {
    expect(stagelightEnvironmentWakePermission).toEqual({
      type: 'resource',
      name: 'stagelight.environment.wake',
      attributes: { action: 'update' },
      resourceType: 'stagelight-environment',
    });
    for (const p of [
      stagelightEnvironmentSleepPermission,
      stagelightScheduleEditPermission,
    ]) {
      expect(p).toMatchObject({
        type: 'resource',
        resourceType: STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
      });
    }
    expect(stagelightCostReadPermission.type).toBe('basic');
    expect(stagelightPermissions.map(p => p.name)).toEqual([
      'stagelight.environment.read',
      'stagelight.environment.wake',
      'stagelight.environment.sleep',
      'stagelight.schedule.edit',
      'stagelight.cost.read',
      'stagelight.admin',
    ]);
    // The doctor's details (role ARNs, AWS errors) are for platform admins.
    expect(stagelightAdminPermission.type).toBe('basic');
  });

  it('writes and reads environment resource refs', () => {
    const ref = environmentResourceRef({ clinic: 'northside', stage: 'dev' });
    expect(ref).toBe('northside/dev');
    expect(parseEnvironmentResourceRef(ref)).toEqual({
      clinic: 'northside',
      stage: 'dev',
    });
    for (const bad of ['northside', '/dev', 'northside/', 'a/b/c', '']) {
      expect(parseEnvironmentResourceRef(bad)).toBeUndefined();
    }
  });

  it('recognises power states', () => {
    expect(isPowerState('paused')).toBe(true);
    expect(isPowerState('off')).toBe(false);
  });
});
