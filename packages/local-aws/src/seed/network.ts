import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeSecurityGroupsCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  DescribeLoadBalancersCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { environmentTagList } from '@stagelight/tag-contract';
import { DemoEnvironment, environmentResourceNames } from '../fleet/demoFleet';
import { SeedClients } from './clients';
import { isNotFound } from './errors';

const DEMO_VPC_NAME = 'stagelight-demo';

export interface DemoNetwork {
  subnets: string[];
  securityGroup: string;
}

/** One VPC with two private subnets and a security group per region, shared by the demo environments. */
export async function ensureDemoNetwork(c: SeedClients): Promise<DemoNetwork> {
  const vpcs = await c.ec2.send(
    new DescribeVpcsCommand({
      Filters: [{ Name: 'tag:Name', Values: [DEMO_VPC_NAME] }],
    }),
  );
  let vpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (!vpcId) {
    const created = await c.ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.42.0.0/16',
        TagSpecifications: [
          {
            ResourceType: 'vpc',
            Tags: [{ Key: 'Name', Value: DEMO_VPC_NAME }],
          },
        ],
      }),
    );
    vpcId = created.Vpc!.VpcId!;
  }
  const subnets = await c.ec2.send(
    new DescribeSubnetsCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
    }),
  );
  const ids = (subnets.Subnets ?? []).map(s => s.SubnetId!).sort();
  for (const [i, az] of ['a', 'b'].entries()) {
    if (ids.length > i) continue;
    const created = await c.ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: `10.42.${i}.0/24`,
        AvailabilityZone: `${c.region}${az}`,
      }),
    );
    ids.push(created.Subnet!.SubnetId!);
  }
  const groups = await c.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: [DEMO_VPC_NAME] },
      ],
    }),
  );
  const securityGroup =
    groups.SecurityGroups?.[0]?.GroupId ??
    (
      await c.ec2.send(
        new CreateSecurityGroupCommand({
          VpcId: vpcId,
          GroupName: DEMO_VPC_NAME,
          Description: 'Stagelight demo API tasks',
        }),
      )
    ).GroupId!;
  return { subnets: ids, securityGroup };
}

/** The API's load balancer; its DNS name is where a real stack serves /version. */
export async function seedLoadBalancer(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
  network: DemoNetwork,
) {
  const { loadBalancer } = environmentResourceNames(env, accountId);
  try {
    const found = await c.elbv2.send(
      new DescribeLoadBalancersCommand({ Names: [loadBalancer] }),
    );
    if (found.LoadBalancers?.length)
      return found.LoadBalancers[0].LoadBalancerArn!;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const created = await c.elbv2.send(
    new CreateLoadBalancerCommand({
      Name: loadBalancer,
      Subnets: network.subnets,
      SecurityGroups: [network.securityGroup],
      Scheme: 'internet-facing',
      Type: 'application',
      Tags: environmentTagList({
        clinic: env.clinic,
        stage: env.stage,
        owner: env.owner,
        component: 'api',
      }),
    }),
  );
  return created.LoadBalancers![0].LoadBalancerArn!;
}
