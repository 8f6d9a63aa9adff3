import type {
  EnvironmentSummary,
  ListClinicsResponse,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';

/** Environments by clinic name, then by the stage's place in the promotion order. */
export function sortForFleet(
  environments: EnvironmentSummary[],
  stages: StageInfo[],
): EnvironmentSummary[] {
  const order = new Map(stages.map((s, i) => [s.name, i]));
  const rank = (stage: string) => order.get(stage) ?? stages.length;
  return [...environments].sort(
    (a, b) => a.clinic.localeCompare(b.clinic) || rank(a.stage) - rank(b.stage),
  );
}

/** How many environments of the whole fleet are awake, out of how many. */
export function awakeCount(clinics: ListClinicsResponse): {
  awake: number;
  total: number;
} {
  let awake = 0;
  let total = 0;
  for (const clinic of clinics.items) {
    for (const stage of clinic.stages) {
      total++;
      if (stage.power === 'awake') awake++;
    }
  }
  return { awake, total };
}
