import {
  DescribeServicesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';
import { DESCRIBE_SERVICES_BATCH } from './EcsAdapter';

/** ECS writes for wake and sleep: desired counts and the remembered-count tag. */
export class EcsPowerAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  /** Current desired count of each service of one cluster, 10 per call. */
  async desiredCounts(
    where: AwsLocation,
    cluster: string,
    serviceArns: string[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < serviceArns.length; i += DESCRIBE_SERVICES_BATCH) {
      const batch = serviceArns.slice(i, i + DESCRIBE_SERVICES_BATCH);
      const res = await this.factory.call('ecs', where, c =>
        c.send(new DescribeServicesCommand({ cluster, services: batch })),
      );
      for (const s of res.services ?? []) {
        if (s.serviceArn) out.set(s.serviceArn, s.desiredCount ?? 0);
      }
      const missing = batch.filter(arn => !out.has(arn));
      if (missing.length) {
        throw new Error(`ECS does not know service(s) ${missing.join(', ')}`);
      }
    }
    return out;
  }

  async setDesiredCount(
    where: AwsLocation,
    cluster: string,
    serviceArn: string,
    desiredCount: number,
  ): Promise<void> {
    await this.factory.call('ecs', where, c =>
      c.send(
        new UpdateServiceCommand({
          cluster,
          service: serviceArn,
          desiredCount,
        }),
      ),
    );
  }

  async putTag(
    where: AwsLocation,
    resourceArn: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.factory.call('ecs', where, c =>
      c.send(new TagResourceCommand({ resourceArn, tags: [{ key, value }] })),
    );
  }

  async readTag(
    where: AwsLocation,
    resourceArn: string,
    key: string,
  ): Promise<string | undefined> {
    const res = await this.factory.call('ecs', where, c =>
      c.send(new ListTagsForResourceCommand({ resourceArn })),
    );
    return res.tags?.find(t => t.key === key)?.value;
  }
}
