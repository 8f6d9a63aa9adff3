import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

/** DescribeLoadBalancers accepts at most 20 ARNs per call. */
const ARNS_PER_CALL = 20;

/** ELBv2: the DNS names of an environment's own tagged load balancers. */
export class LoadBalancerAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  async dnsNames(
    where: AwsLocation,
    arns: string[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < arns.length; i += ARNS_PER_CALL) {
      const res = await this.factory.call('elbv2', where, c =>
        c.send(
          new DescribeLoadBalancersCommand({
            LoadBalancerArns: arns.slice(i, i + ARNS_PER_CALL),
          }),
        ),
      );
      for (const lb of res.LoadBalancers ?? []) {
        if (lb.LoadBalancerArn && lb.DNSName)
          out.set(lb.LoadBalancerArn, lb.DNSName);
      }
    }
    return out;
  }
}
