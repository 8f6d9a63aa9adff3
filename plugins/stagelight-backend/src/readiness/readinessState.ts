import {
  EcsServiceStatus,
  PowerState,
  ReadinessState,
} from '@stagelight/backstage-plugin-stagelight-common';

/** What the version endpoint answered, or why it did not. */
export type ProbeResult =
  | { ok: true; marker: string }
  | { ok: false; reason: string };

export interface ReadinessInput {
  power: PowerState;
  services: EcsServiceStatus[];
  expectedMarker: string | null;
  /** undefined: not probed (no probe URL or probing disabled). */
  probe?: ProbeResult;
}

/** Readiness of an environment (docs/architecture.md, "Status and readiness") with a short reason. */
export function deriveReadiness(input: ReadinessInput): {
  state: ReadinessState;
  reason: string;
} {
  const { power, services, expectedMarker, probe } = input;
  if (power === 'asleep' || power === 'paused') {
    return { state: 'asleep', reason: `environment is ${power}` };
  }
  // A single deployment at full strength has finished replacing tasks even if
  // ECS still reports IN_PROGRESS (it waits for steady state; moto never leaves it).
  const rollingOut = services.some(
    s =>
      s.deployments > 1 ||
      (s.primaryRollout === 'IN_PROGRESS' &&
        (s.running < s.desired || s.pending > 0)),
  );

  if (probe?.ok) {
    if (expectedMarker === null || probe.marker === expectedMarker) {
      return {
        state: 'ready',
        reason:
          expectedMarker === null
            ? 'API answers; task definition carries no marker'
            : 'expected marker served',
      };
    }
    return rollingOut || power === 'waking'
      ? { state: 'deploying', reason: 'rollout in progress, old marker served' }
      : { state: 'stale', reason: `old marker ${probe.marker} served` };
  }
  if (rollingOut || power === 'waking') {
    return { state: 'deploying', reason: 'rollout in progress' };
  }
  if (probe && !probe.ok) return { state: 'down', reason: probe.reason };

  // Not probed: the best ECS alone can say.
  const steady =
    services.length > 0 &&
    services.every(s => s.desired > 0 && s.running >= s.desired);
  return steady
    ? { state: 'ready', reason: 'not probed; ECS services steady' }
    : { state: 'down', reason: 'not probed; no running API tasks' };
}
