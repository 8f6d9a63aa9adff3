import { ConfigReader } from '@backstage/config';
import { readWakeOnCommitSettings } from './WakeOnCommitSettings';

const stages = ['dev', 'test', 'staging', 'prod'];
const read = (wakeOnCommit?: object, o = { stages, maxLeaseHours: 12 }) =>
  readWakeOnCommitSettings(
    new ConfigReader(wakeOnCommit ? { stagelight: { wakeOnCommit } } : {}),
    o,
  );

describe('readWakeOnCommitSettings', () => {
  it('is disabled when absent', () => {
    expect(read()).toBeUndefined();
  });

  it('defaults to a 2 hour lease and the dev/test/staging/main branches', () => {
    const s = read({ repositories: { 'Acme/North-App': 'northside' } })!;
    expect(s.leaseHours).toBe(2);
    expect([...s.repositories]).toEqual([['acme/north-app', 'northside']]);
    expect(Object.fromEntries(s.branches)).toEqual({
      dev: 'dev',
      test: 'test',
      staging: 'staging',
      main: 'prod',
    });
  });

  it('reads branches with slashes and dots and a custom lease', () => {
    const s = read({
      leaseHours: 4,
      repositories: {},
      branches: { 'release/1.2': 'staging' },
    })!;
    expect(s.leaseHours).toBe(4);
    expect([...s.branches]).toEqual([['release/1.2', 'staging']]);
  });

  it('refuses a lease beyond power.maxLeaseHours, unknown stages and bad clinic ids', () => {
    expect(() => read({ leaseHours: 13 })).toThrow(/maxLeaseHours \(12\)/);
    expect(() => read({ leaseHours: 0 })).toThrow(/leaseHours/);
    expect(() => read({ branches: { main: 'production' } })).toThrow(
      /unknown stage 'production'/,
    );
    expect(() => read({ repositories: { 'a/b': 'Not Valid' } })).toThrow(
      /not a valid clinic id/,
    );
    expect(() => read({ repositories: { nope: 'northside' } })).toThrow(
      /not an owner\/repo/,
    );
  });
});
