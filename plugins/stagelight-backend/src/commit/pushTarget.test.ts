import { pushTarget } from './pushTarget';

const settings = {
  repositories: new Map([['acme/northside-app', 'northside']]),
  branches: new Map([
    ['dev', 'dev'],
    ['main', 'prod'],
  ]),
};

const push = (over: Record<string, unknown> = {}) => ({
  ref: 'refs/heads/dev',
  after: '0123456789abcdef0123456789abcdef01234567',
  deleted: false,
  repository: { full_name: 'acme/northside-app' },
  pusher: { name: 'octo-pusher' },
  sender: { login: 'octocat' },
  ...over,
});

describe('pushTarget', () => {
  it('maps the repository to a clinic and the branch to a stage', () => {
    expect(pushTarget(push(), settings)).toEqual({
      clinic: 'northside',
      stage: 'dev',
      branch: 'dev',
      shortSha: '0123456',
      pusher: 'octocat',
    });
    expect(pushTarget(push({ ref: 'refs/heads/main' }), settings)).toEqual(
      expect.objectContaining({ clinic: 'northside', stage: 'prod' }),
    );
  });

  it('matches the repository case-insensitively and falls back to pusher.name', () => {
    expect(
      pushTarget(
        push({
          repository: { full_name: 'ACME/Northside-App' },
          sender: undefined,
        }),
        settings,
      ),
    ).toEqual(
      expect.objectContaining({ clinic: 'northside', pusher: 'octo-pusher' }),
    );
  });

  it.each([
    [
      'an unknown repository',
      { repository: { full_name: 'acme/other' } },
      /not mapped to a clinic/,
    ],
    ['a missing repository', { repository: undefined }, /no repository/],
    [
      'an unmapped branch',
      { ref: 'refs/heads/feature/x' },
      /branch feature\/x is not mapped/,
    ],
    ['a tag', { ref: 'refs/tags/v1' }, /not a branch/],
    [
      'a deleted branch',
      { deleted: true, after: '0000000000000000000000000000000000000000' },
      /deleted/,
    ],
    ['no pusher', { sender: undefined, pusher: undefined }, /no pusher/],
  ])('ignores %s', (_, over, why) => {
    const target = pushTarget(push(over), settings);
    expect(target).toEqual({ ignored: expect.stringMatching(why) });
  });
});
