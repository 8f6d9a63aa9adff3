import { AwsLocation, locationKey } from './AwsLocation';

/** An ECS service as the calls about it need it: its ARN, cluster and where it runs. */
export interface ServiceInCluster {
  arn: string;
  cluster: string;
  location: AwsLocation;
}

export interface ClusterGroup {
  location: AwsLocation;
  cluster: string;
  arns: string[];
}

/**
 * Services grouped by account, region and cluster, in first-seen order:
 * ecs:DescribeServices takes one cluster per call.
 */
export function groupByCluster(services: ServiceInCluster[]): ClusterGroup[] {
  const groups = new Map<string, ClusterGroup>();
  for (const s of services) {
    const key = `${locationKey(s.location)}|${s.cluster}`;
    let group = groups.get(key);
    if (!group) {
      group = { location: s.location, cluster: s.cluster, arns: [] };
      groups.set(key, group);
    }
    group.arns.push(s.arn);
  }
  return [...groups.values()];
}
