import { isPowerState } from './vocabulary';
import {
  stagelightEnvironmentReadPermission,
  stagelightPermissions,
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

  it('recognises power states', () => {
    expect(isPowerState('paused')).toBe(true);
    expect(isPowerState('off')).toBe(false);
  });
});
