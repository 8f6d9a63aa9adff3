import { ConfigReader } from '@backstage/config';
import { stagelightPermissions } from '@stagelight/backstage-plugin-stagelight-common';
import { readRoleGroups, rolesOf, userMay } from './roles';

const groups = readRoleGroups(new ConfigReader({}));

describe('the Stagelight role table', () => {
  it.each([
    // permission, developer, lead, manager
    ['stagelight.environment.read', true, true, true],
    ['stagelight.environment.wake', false, true, false],
    ['stagelight.environment.sleep', false, true, false],
    ['stagelight.schedule.edit', false, true, false],
    ['stagelight.cost.read', false, true, true],
    ['stagelight.admin', false, false, false],
  ])(
    '%s: developer %p, lead %p, manager %p',
    (permission, developer, lead, manager) => {
      expect(
        userMay(
          permission,
          rolesOf(['user:default/dana', 'group:default/developers'], groups),
        ),
      ).toBe(developer);
      expect(
        userMay(
          permission,
          rolesOf(['user:default/lee', 'group:default/leads'], groups),
        ),
      ).toBe(lead);
      expect(
        userMay(
          permission,
          rolesOf(['user:default/max', 'group:default/managers'], groups),
        ),
      ).toBe(manager);
    },
  );

  it('decides every permission the backend registers', () => {
    const leadAndAdmin = rolesOf(
      ['group:default/leads', 'group:default/platform-admins'],
      groups,
    );
    for (const permission of stagelightPermissions) {
      expect(userMay(permission.name, leadAndAdmin)).toBe(true);
    }
  });

  it("gives the doctor's details to platform admins only", () => {
    const admin = rolesOf(
      ['user:default/pat', 'group:default/platform-admins'],
      groups,
    );
    expect(userMay('stagelight.admin', admin)).toBe(true);
    expect(userMay('stagelight.environment.wake', admin)).toBe(false);
    expect(userMay('stagelight.environment.read', admin)).toBe(true);
  });

  it('denies a Stagelight permission nobody was granted', () => {
    expect(
      userMay(
        'stagelight.something.new',
        rolesOf(['group:default/leads'], groups),
      ),
    ).toBe(false);
  });

  it('reads role groups from config, matching refs without regard to case', () => {
    const custom = readRoleGroups(
      new ConfigReader({
        stagelight: {
          policy: { leads: ['group:default/Imaging-Leads'], managers: [] },
        },
      }),
    );
    expect(rolesOf(['group:default/imaging-leads'], custom)).toEqual(
      new Set(['lead']),
    );
    expect(rolesOf(['group:default/managers'], custom)).toEqual(new Set());
  });
});
