import {
  DatabaseStatus,
  EcsServiceStatus,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';

type Side = 'none' | 'up' | 'down' | 'starting' | 'stopping' | 'mixed';

function ecsSide(services: EcsServiceStatus[]): Side {
  if (services.length === 0) return 'none';
  const states = services.map(s => {
    if (s.desired > 0)
      return s.running >= s.desired && s.pending === 0 ? 'up' : 'starting';
    return s.running > 0 || s.pending > 0 ? 'stopping' : 'down';
  });
  if (states.includes('starting')) return 'starting';
  if (states.includes('stopping')) return 'stopping';
  return states.every(s => s === states[0]) ? states[0] : 'mixed';
}

const DB_STARTING = new Set([
  'starting',
  'creating',
  'rebooting',
  'resetting-master-credentials',
]);
const DB_UP = new Set([
  'available',
  'backing-up',
  'modifying',
  'maintenance',
  'upgrading',
  'renaming',
  'storage-optimization',
  'backtracking',
]);

function statusSide(status: string): Side {
  if (status === 'stopped') return 'down';
  if (status === 'stopping') return 'stopping';
  if (DB_STARTING.has(status)) return 'starting';
  if (DB_UP.has(status)) return 'up';
  return 'mixed';
}

function dbSide(db: DatabaseStatus | null): Side {
  if (!db) return 'none';
  const side = statusSide(db.status);
  // An available Aurora cluster whose instances are still starting does not serve yet.
  if (side === 'up' && db.instances.some(i => DB_STARTING.has(i.status)))
    return 'starting';
  return side;
}

/**
 * Power state of an environment from its ECS services and its database (docs/architecture.md, "Status and readiness").
 * `readFailed` says part of the picture is missing: then only an unambiguous
 * answer is given.
 */
export function derivePowerState(
  services: EcsServiceStatus[],
  db: DatabaseStatus | null,
  readFailed = false,
): PowerState {
  const ecs = ecsSide(services);
  const dbs = dbSide(db);
  if (readFailed || (ecs === 'none' && dbs === 'none')) return 'unknown';

  if (ecs === 'starting' || (dbs === 'starting' && ecs !== 'stopping'))
    return 'waking';
  if (ecs === 'stopping' || dbs === 'stopping') return 'sleeping';
  if (ecs === 'up' && (dbs === 'up' || dbs === 'none')) return 'awake';
  if (
    (ecs === 'down' || ecs === 'none') &&
    (dbs === 'down' || dbs === 'none')
  ) {
    return 'asleep';
  }
  // The app is scaled to zero and the DB is left to auto-pause at 0 ACU.
  if (ecs === 'down' && dbs === 'up' && db?.autoPause) return 'paused';
  return 'partial';
}
