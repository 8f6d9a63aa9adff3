/** The parts of an ARN Stagelight needs. */
export interface ParsedArn {
  arn: string;
  service: string;
  region: string;
  accountId: string;
  /** e.g. `ecs:service`, `rds:cluster`, `sqs`, `s3`, `lambda:function`. */
  type: string;
  /** The resource's own name. */
  name: string;
  /** For ECS services: the cluster name (new-style ARNs carry it). */
  parent?: string;
}

/**
 * Splits `arn:partition:service:region:account:resource`. Resource forms differ per
 * service: `service/cluster/name`, `cluster:id`, `function:name`, `queue-name`,
 * `loadbalancer/app/name/id`.
 */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, , service, region, accountId] = parts;
  const resource = parts.slice(5).join(':');
  const base = { arn, service, region, accountId };

  const colon = resource.indexOf(':');
  const slash = resource.indexOf('/');
  if (colon === -1 && slash === -1) {
    return { ...base, type: service, name: resource };
  }
  const useColon = colon !== -1 && (slash === -1 || colon < slash);
  const sep = useColon ? colon : slash;
  const resourceType = resource.slice(0, sep);
  const rest = resource.slice(sep + 1);
  const type = `${service}:${resourceType}`;

  if (type === 'ecs:service') {
    const segments = rest.split('/');
    return segments.length >= 2
      ? {
          ...base,
          type,
          name: segments[segments.length - 1],
          parent: segments[0],
        }
      : { ...base, type, name: rest };
  }
  if (type === 'elasticloadbalancing:loadbalancer') {
    // app/<name>/<id> or net/<name>/<id>
    const segments = rest.split('/');
    return { ...base, type, name: segments.length >= 2 ? segments[1] : rest };
  }
  if (type === 'lambda:function') {
    return { ...base, type, name: rest.split(':')[0] };
  }
  return { ...base, type, name: rest };
}
