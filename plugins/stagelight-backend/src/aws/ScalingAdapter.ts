import {
  DescribeScalableTargetsCommand,
  RegisterScalableTargetCommand,
  ScalableTarget,
} from '@aws-sdk/client-application-auto-scaling';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';
import { parseArn } from './arn';

/** DescribeScalableTargets takes at most 50 resource ids per call. */
export const SCALABLE_TARGETS_BATCH = 50;

const DIMENSION = 'ecs:service:DesiredCount';

/** What Application Auto Scaling may do to a service's desired count. */
export interface ScalingBounds {
  min: number;
  max: number;
  suspended: {
    dynamicScalingIn: boolean;
    dynamicScalingOut: boolean;
    scheduled: boolean;
  };
}

/** The bounds a sleeping service gets: nothing may scale it up. */
export const ASLEEP_BOUNDS: ScalingBounds = {
  min: 0,
  max: 0,
  suspended: {
    dynamicScalingIn: true,
    dynamicScalingOut: true,
    scheduled: true,
  },
};

/** Application Auto Scaling's resource id of an ECS service, e.g. `service/ir-a-dev/api`. */
export function scalingResourceId(serviceArn: string): string | undefined {
  const arn = parseArn(serviceArn);
  if (!arn || arn.type !== 'ecs:service' || !arn.parent) return undefined;
  return `service/${arn.parent}/${arn.name}`;
}

/** Whether bounds are what a sleep sets (a second sleep must not remember them). */
export function isAsleep(bounds: ScalingBounds): boolean {
  return bounds.min === 0 && bounds.max === 0;
}

/**
 * The bounds as a tag value, e.g. `min=2/max=6/suspended=` (ECS tag values
 * allow no commas); parsed back by `parseBoundsTag`.
 */
export function boundsTag(bounds: ScalingBounds): string {
  const s = bounds.suspended;
  const suspended = [
    s.dynamicScalingIn && 'in',
    s.dynamicScalingOut && 'out',
    s.scheduled && 'scheduled',
  ].filter(Boolean);
  return `min=${bounds.min}/max=${bounds.max}/suspended=${suspended.join('+')}`;
}

export function parseBoundsTag(
  value: string | undefined,
): ScalingBounds | undefined {
  const m = value?.match(
    /^min=(\d+)\/max=(\d+)\/suspended=((?:in|out|scheduled)(?:\+(?:in|out|scheduled))*)?$/,
  );
  if (!m) return undefined;
  const suspended = new Set((m[3] ?? '').split('+'));
  const bounds = {
    min: Number(m[1]),
    max: Number(m[2]),
    suspended: {
      dynamicScalingIn: suspended.has('in'),
      dynamicScalingOut: suspended.has('out'),
      scheduled: suspended.has('scheduled'),
    },
  };
  return bounds.min <= bounds.max ? bounds : undefined;
}

function boundsOf(target: ScalableTarget): ScalingBounds {
  const s = target.SuspendedState ?? {};
  return {
    min: target.MinCapacity ?? 0,
    max: target.MaxCapacity ?? 0,
    suspended: {
      dynamicScalingIn: s.DynamicScalingInSuspended ?? false,
      dynamicScalingOut: s.DynamicScalingOutSuspended ?? false,
      scheduled: s.ScheduledScalingSuspended ?? false,
    },
  };
}

/**
 * Application Auto Scaling for ECS services: a scaled service's bounds are
 * read with its status, and lowered to 0..0 for sleep (or its scaler would put
 * it straight back) and restored for wake.
 */
export class ScalingAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  /** Bounds of the services that have a scalable target, by service ARN; 50 per call. */
  async boundsOf(
    where: AwsLocation,
    serviceArns: string[],
  ): Promise<Map<string, ScalingBounds>> {
    const arnOf = new Map<string, string>();
    for (const arn of serviceArns) {
      const id = scalingResourceId(arn);
      if (id) arnOf.set(id, arn);
    }
    const ids = [...arnOf.keys()];
    const out = new Map<string, ScalingBounds>();
    for (let i = 0; i < ids.length; i += SCALABLE_TARGETS_BATCH) {
      let token: string | undefined;
      do {
        const command = new DescribeScalableTargetsCommand({
          ServiceNamespace: 'ecs',
          ScalableDimension: DIMENSION,
          ResourceIds: ids.slice(i, i + SCALABLE_TARGETS_BATCH),
          NextToken: token,
        });
        const page = await this.factory.call('scaling', where, c =>
          c.send(command),
        );
        for (const target of page.ScalableTargets ?? []) {
          const arn = target.ResourceId && arnOf.get(target.ResourceId);
          if (arn) out.set(arn, boundsOf(target));
        }
        token = page.NextToken || undefined;
      } while (token);
    }
    return out;
  }

  async setBounds(
    where: AwsLocation,
    serviceArn: string,
    bounds: ScalingBounds,
  ): Promise<void> {
    const id = scalingResourceId(serviceArn);
    if (!id) throw new Error(`${serviceArn} is not an ECS service ARN`);
    await this.factory.call('scaling', where, c =>
      c.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: 'ecs',
          ScalableDimension: DIMENSION,
          ResourceId: id,
          MinCapacity: bounds.min,
          MaxCapacity: bounds.max,
          SuspendedState: {
            DynamicScalingInSuspended: bounds.suspended.dynamicScalingIn,
            DynamicScalingOutSuspended: bounds.suspended.dynamicScalingOut,
            ScheduledScalingSuspended: bounds.suspended.scheduled,
          },
        }),
      ),
    );
  }
}
