import { AwsLocation, locationOf } from '../../aws/AwsLocation';
import { parseArn } from '../../aws/arn';
import { DatabaseRef } from '../../aws/RdsPowerAdapter';
import { StagelightSettings } from '../../config/StagelightConfig';
import { snapshotProbeUrl } from '../../readiness/probeUrl';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';

/**
 * What an operation acts on, fixed when it is created so that a resumed
 * operation does the same work whatever the snapshot says by then.
 */
export interface PowerTargets {
  clinic: string;
  stage: string;
  protected: boolean;
  services: { arn: string; cluster: string; location: AwsLocation }[];
  database: { arn: string; ref: DatabaseRef; location: AwsLocation } | null;
  probeUrl: string | null;
  expectedMarker: string | null;
}

export function powerTargetsOf(
  record: EnvironmentRecord,
  settings: Pick<StagelightSettings, 'aws' | 'readiness'>,
): PowerTargets {
  const services: PowerTargets['services'] = [];
  let database: PowerTargets['database'] = null;
  for (const resource of record.resources) {
    const arn = parseArn(resource.arn);
    if (!arn) continue;
    const location = locationOf(
      arn.accountId,
      arn.region,
      settings.aws.targets,
    );
    if (arn.type === 'ecs:service' && arn.parent) {
      services.push({ arn: arn.arn, cluster: arn.parent, location });
    } else if (!database && arn.type === 'rds:cluster') {
      database = {
        arn: arn.arn,
        ref: { kind: 'cluster', identifier: arn.name },
        location,
      };
    }
  }
  // The database the status chose (a provisioned instance, or the cluster of
  // tagged members); without a status read only a tagged cluster is certain,
  // since a tagged DB instance may be an Aurora member that cannot be stopped alone.
  const chosen = record.database && parseArn(record.database.arn);
  if (record.database && chosen) {
    database = {
      arn: chosen.arn,
      ref: {
        kind: record.database.kind,
        identifier: record.database.identifier,
      },
      location: locationOf(
        chosen.accountId,
        chosen.region,
        settings.aws.targets,
      ),
    };
  }
  services.sort((a, b) => a.arn.localeCompare(b.arn));
  // The same rule as the status probe: configured domains or the environment's own ALB, never a request.
  const probeUrl = snapshotProbeUrl(record, settings.readiness);
  return {
    clinic: record.clinic,
    stage: record.stage,
    protected: record.protected,
    services,
    database,
    probeUrl,
    expectedMarker: record.expectedMarker,
  };
}
