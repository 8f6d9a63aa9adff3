import type {
  EnvironmentSummary,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';

/** One stage of a clinic's promotion pipeline. */
export interface PipelineStage<
  E extends EnvironmentSummary = EnvironmentSummary,
> {
  stage: StageInfo;
  /** The clinic's environment in this stage; null when the clinic has none there. */
  environment: E | null;
  /** The marker the stage's task definition carries (what was deployed). */
  deployedMarker: string | null;
  /** Whether the API serves the deployed marker (readiness `ready`). */
  served: boolean;
  /**
   * A marker deployed in an earlier stage that differs from this stage's: the
   * candidate for promotion into this stage.
   */
  waiting: { marker: string; fromStage: string } | null;
  /** The same candidate seen from its source: this stage's marker and the stage it would go to next. */
  promotion: { marker: string; toStage: string } | null;
}

/**
 * A clinic's environments laid out along the configured stages, in promotion
 * order, with what each stage could receive from the one before it. The
 * environments must all belong to one clinic.
 */
export function pipelineOf<E extends EnvironmentSummary>(
  stages: StageInfo[],
  environments: E[],
): PipelineStage<E>[] {
  const byStage = new Map(environments.map(e => [e.stage, e]));
  let previous: { marker: string; stage: string } | null = null;

  const steps: PipelineStage<E>[] = stages.map(stage => {
    const environment = byStage.get(stage.name) ?? null;
    const deployedMarker = environment?.expectedMarker ?? null;
    const waiting =
      environment && previous && previous.marker !== deployedMarker
        ? { marker: previous.marker, fromStage: previous.stage }
        : null;
    // A stage without an environment or a marker is skipped: the next stage
    // compares with the nearest earlier stage that has something deployed.
    if (deployedMarker)
      previous = { marker: deployedMarker, stage: stage.name };
    return {
      stage,
      environment,
      deployedMarker,
      served: environment?.readiness === 'ready',
      waiting,
      promotion: null,
    };
  });
  for (const step of steps) {
    if (!step.waiting) continue;
    const source = steps.find(s => s.stage.name === step.waiting!.fromStage)!;
    source.promotion = {
      marker: step.waiting.marker,
      toStage: step.stage.name,
    };
  }
  return steps;
}
