import {
  EnvironmentDetail,
  EnvironmentSummary,
} from '@stagelight/backstage-plugin-stagelight-common';

/** What the snapshot stores per environment: the detail without its age, which depends on when it is read. */
export type EnvironmentRecord = Omit<EnvironmentDetail, 'dataAgeSeconds'>;

export function dataAgeSeconds(refreshedAt: string, now: Date): number {
  return Math.max(
    0,
    Math.round((now.getTime() - Date.parse(refreshedAt)) / 1000),
  );
}

export function toDetail(
  record: EnvironmentRecord,
  now: Date,
): EnvironmentDetail {
  return { ...record, dataAgeSeconds: dataAgeSeconds(record.refreshedAt, now) };
}

export function toSummary(
  record: EnvironmentRecord,
  now: Date,
): EnvironmentSummary {
  return {
    clinic: record.clinic,
    stage: record.stage,
    protected: record.protected,
    owner: record.owner,
    power: record.power,
    readiness: record.readiness,
    expectedMarker: record.expectedMarker,
    servedMarker: record.servedMarker,
    queue: record.queue,
    errors: record.errors,
    refreshedAt: record.refreshedAt,
    dataAgeSeconds: dataAgeSeconds(record.refreshedAt, now),
  };
}
