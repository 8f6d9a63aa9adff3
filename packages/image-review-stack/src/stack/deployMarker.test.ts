import { resolveDeployMarker } from './deployMarker';

describe('resolveDeployMarker', () => {
  const noGit = () => undefined;

  it('prefers CDK context, then the environment, then the commit', () => {
    expect(
      resolveDeployMarker({
        context: 'ctx-1',
        env: 'env-1',
        gitCommit: () => 'abc',
      }),
    ).toBe('ctx-1');
    expect(resolveDeployMarker({ env: 'env-1', gitCommit: () => 'abc' })).toBe(
      'env-1',
    );
    expect(resolveDeployMarker({ gitCommit: () => 'abc123' })).toBe('abc123');
  });

  it('fails without any marker', () => {
    expect(() => resolveDeployMarker({ gitCommit: noGit })).toThrow(
      /No deploy marker/,
    );
  });

  it('rejects markers that cannot be an image tag', () => {
    expect(() =>
      resolveDeployMarker({ env: '2026-11-26T10:00:00Z', gitCommit: noGit }),
    ).toThrow(/not usable as an image tag/);
  });
});
