import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

export interface TaggedResource {
  arn: string;
  tags: Record<string, string>;
}

/**
 * Resource types an environment consists of. `ecs:cluster` is left out on purpose:
 * clusters are known from service ARNs, and moto answers 500 for that filter as
 * soon as any cluster in the region is untagged.
 */
export const ENVIRONMENT_RESOURCE_TYPES = [
  'ecs:service',
  'rds:cluster',
  'rds:db',
  'sqs',
  'lambda:function',
  's3',
  'elasticloadbalancing:loadbalancer',
];

/**
 * Resource Groups Tagging API: everything carrying the app tag, 100 per page.
 * Pages must be read one after another, so each resource type is listed as its
 * own paginated stream and the streams run side by side.
 */
export class TaggingAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  async listByTag(
    where: AwsLocation,
    tag: { key: string; value: string },
  ): Promise<TaggedResource[]> {
    const perType = await Promise.all(
      ENVIRONMENT_RESOURCE_TYPES.map(type => this.#list(where, tag, type)),
    );
    return perType.flat();
  }

  async #list(
    where: AwsLocation,
    tag: { key: string; value: string },
    type: string,
  ): Promise<TaggedResource[]> {
    const out: TaggedResource[] = [];
    let token: string | undefined;
    do {
      const command = new GetResourcesCommand({
        TagFilters: [{ Key: tag.key, Values: [tag.value] }],
        ResourceTypeFilters: [type],
        ResourcesPerPage: 100,
        PaginationToken: token,
      });
      const page = await this.factory.call('tagging', where, c =>
        c.send(command),
      );
      for (const mapping of page.ResourceTagMappingList ?? []) {
        if (!mapping.ResourceARN) continue;
        const tags: Record<string, string> = {};
        for (const t of mapping.Tags ?? []) {
          if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
        }
        out.push({ arn: mapping.ResourceARN, tags });
      }
      token = page.PaginationToken || undefined;
    } while (token);
    return out;
  }
}
