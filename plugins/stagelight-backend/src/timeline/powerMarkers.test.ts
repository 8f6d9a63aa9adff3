import { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';
import { powerMarkers } from './powerMarkers';

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  id: 1,
  at: '2026-06-10T08:00:00.000Z',
  actor: 'user:default/lee',
  action: 'environment-wake-ended',
  clinic: 'alder',
  stage: 'dev',
  reason: 'demo',
  result: 'succeeded',
  detail: 'awake after 160 s',
  operationId: 'op-1',
  ...over,
});

describe('powerMarkers', () => {
  it('marks ended wakes and sleeps and lease changes, oldest first', () => {
    const markers = powerMarkers([
      record({
        at: '2026-06-10T18:00:00.000Z',
        action: 'environment-sleep-ended',
        actor: 'stagelight:scheduler',
      }),
      record({}),
      record({
        at: '2026-06-10T09:00:00.000Z',
        action: 'lease-extend',
        detail: 'lease until 2026-06-10T12:00:00.000Z',
      }),
    ]);
    expect(markers.map(m => [m.kind, m.actor])).toEqual([
      ['wake', 'user:default/lee'],
      ['lease-extend', 'user:default/lee'],
      ['sleep', 'stagelight:scheduler'],
    ]);
  });

  it('leaves out refused attempts and requests whose end is marked instead', () => {
    expect(
      powerMarkers([
        record({ action: 'environment-wake' }),
        record({ action: 'lease-end', result: 'denied' }),
        record({ action: 'schedule-edit' }),
        record({ action: 'environment-sleep-ended', result: 'failed' }),
      ]),
    ).toEqual([expect.objectContaining({ kind: 'sleep', result: 'failed' })]);
  });
});
