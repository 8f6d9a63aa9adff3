import {
  DatabaseStatus,
  EcsServiceStatus,
} from '@stagelight/backstage-plugin-stagelight-common';

/** How a service runs, e.g. "Fargate Spot" or "Fargate Spot, Fargate". */
export function capacityText(service: EcsServiceStatus): string {
  if (service.capacity.length === 0) return 'launch type not reported';
  return service.capacity
    .map(c =>
      c
        .toLowerCase()
        .split('_')
        .map(w => (w === 'ec2' ? 'EC2' : w[0].toUpperCase() + w.slice(1)))
        .join(' '),
    )
    .join(', ');
}

/** What auto scaling may do, e.g. "auto scaling 2–6", "held at 0 while asleep". */
export function scalingText(service: EcsServiceStatus): string | null {
  const s = service.scaling;
  if (!s) return null;
  if (s.min === 0 && s.max === 0) return 'auto scaling held at 0 while asleep';
  return `auto scaling ${s.min}–${s.max}${s.suspended ? ' (suspended)' : ''}`;
}

/** The database in words, e.g. "Aurora cluster ir-a-dev-db, 2 instances". */
export function databaseText(db: DatabaseStatus): string {
  if (db.kind === 'instance') {
    return `RDS instance ${db.identifier}${db.engine ? ` (${db.engine})` : ''}`;
  }
  const n = db.instances.length;
  return `Aurora cluster ${db.identifier}${
    n > 0 ? `, ${n} instance${n === 1 ? '' : 's'}` : ''
  }`;
}
