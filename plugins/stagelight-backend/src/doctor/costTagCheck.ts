import { ListCostAllocationTagsCommand } from '@aws-sdk/client-cost-explorer';
import { DoctorCostTags } from '@stagelight/backstage-plugin-stagelight-common';
import type { CostExplorerClientFactory } from '../cost';
import { forecastFailureText as costExplorerFailureText } from '../cost/forecastFailure';

/**
 * Whether the stage and clinic tags are active cost allocation tags, from
 * ce:ListCostAllocationTags in the payer (main) account. Where that cannot be
 * asked (local AWS does not implement it), the answer is "could not check"
 * with the reason, never a guess.
 */
export async function checkCostAllocationTags(
  clientFactory: CostExplorerClientFactory,
  keys: string[],
): Promise<DoctorCostTags> {
  try {
    const client = await clientFactory();
    const res = await client.send(
      new ListCostAllocationTagsCommand({ TagKeys: keys, Type: 'UserDefined' }),
    );
    const found = new Map(
      (res.CostAllocationTags ?? []).map(t => [t.TagKey, t.Status]),
    );
    const statusOf = (key: string) => {
      const status = found.get(key);
      if (status === 'Active') return 'Active' as const;
      return status ? ('Inactive' as const) : ('Unknown' as const);
    };
    const tags = keys.map(key => ({ key, status: statusOf(key) }));
    const active = tags.every(t => t.status === 'Active');
    return {
      state: active ? 'active' : 'inactive',
      tags,
      reason: active
        ? null
        : 'activate them under Billing, Cost allocation tags; Cost Explorer groups by them only once active',
    };
  } catch (error) {
    return {
      state: 'could-not-check',
      tags: keys.map(key => ({ key, status: 'Unknown' as const })),
      // Said as the cost page says Cost Explorer's failures: name and first line.
      reason: `ce:ListCostAllocationTags failed: ${costExplorerFailureText(
        error,
      )}`,
    };
  }
}
