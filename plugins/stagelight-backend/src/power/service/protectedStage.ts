import { ConflictError } from '@backstage/errors';

/**
 * Protected stages (prod by default) are never put to sleep, by any path:
 * the engine refuses a sleep, and nothing that would lead to one is stored.
 */
export function refuseOnProtected(
  record: { stage: string; protected: boolean },
  what: 'schedule' | 'lease',
): void {
  if (!record.protected) return;
  throw new ConflictError(
    what === 'schedule'
      ? `Stage '${record.stage}' is protected: it is never put to sleep, so it takes no schedule`
      : `Stage '${record.stage}' is protected: it is always awake, so it takes no lease`,
  );
}
