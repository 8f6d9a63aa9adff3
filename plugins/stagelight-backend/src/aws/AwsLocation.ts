/**
 * Where a call goes. `accountId` undefined means the main account.
 *
 * @public
 */
export interface AwsLocation {
  accountId?: string;
  region: string;
}

/** The key that groups calls, clients and caches by account and region. */
export function locationKey(where: AwsLocation): string {
  return `${where.accountId ?? 'main'}|${where.region}`;
}

/**
 * The configured account/region a resource belongs to, from the account and
 * region its ARN names: credentials come from the configured target, so a
 * resource of the main account's region is read with the main credentials.
 */
export function locationOf(
  accountId: string,
  region: string,
  targets: AwsLocation[],
): AwsLocation {
  const exact = targets.find(
    t => t.region === region && t.accountId === accountId,
  );
  if (exact) return { accountId, region };
  const main = targets.find(
    t => t.region === region && t.accountId === undefined,
  );
  return main ? { region } : { accountId, region };
}
