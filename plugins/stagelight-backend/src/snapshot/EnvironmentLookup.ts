import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { EnvironmentRecord } from './EnvironmentRecord';
import { EnvironmentStore, Snapshot } from './EnvironmentStore';

/** A 404 naming the configured stages unless `stage` is one of them. */
export function requireKnownStage(stage: string, stages: string[]): void {
  if (!stages.includes(stage)) {
    throw new NotFoundError(
      `Unknown stage '${stage}'; stages are ${stages.join(', ')}`,
    );
  }
}

/**
 * Environments as requests name them, from the stored snapshot: a 404 for an
 * unknown stage or environment, a 503 until the first refresh has finished.
 * Every route that takes a clinic and a stage looks them up here.
 */
export class EnvironmentLookup {
  constructor(
    private readonly deps: { store: EnvironmentStore; stages: string[] },
  ) {}

  async snapshot(): Promise<Snapshot> {
    const snapshot = await this.deps.store.snapshot();
    if (!snapshot) {
      throw new ServiceUnavailableError(
        'Stagelight has not finished its first refresh yet; try again shortly',
      );
    }
    return snapshot;
  }

  /** The environment from the snapshot, or a 404 naming what is unknown. */
  async environment(clinic: string, stage: string): Promise<EnvironmentRecord> {
    requireKnownStage(stage, this.deps.stages);
    await this.snapshot();
    const record = await this.deps.store.get(clinic, stage);
    if (!record) {
      throw new NotFoundError(
        `No environment for clinic '${clinic}' in stage '${stage}'`,
      );
    }
    return record;
  }

  /**
   * The environments of a clinic (every stage) or of a stage (every clinic),
   * in snapshot order; a 404 for an unknown stage or a clinic with none.
   */
  async environmentsOf(
    scope: { clinic: string } | { stage: string },
  ): Promise<EnvironmentRecord[]> {
    if ('stage' in scope) requireKnownStage(scope.stage, this.deps.stages);
    const snapshot = await this.snapshot();
    if ('stage' in scope) {
      return snapshot.records.filter(r => r.stage === scope.stage);
    }
    const records = snapshot.records.filter(r => r.clinic === scope.clinic);
    if (records.length === 0) {
      throw new NotFoundError(`No environments for clinic '${scope.clinic}'`);
    }
    return records;
  }
}
