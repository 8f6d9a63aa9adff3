import {
  CfnResource,
  Fn,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  LOG_RETENTION,
  StageEnvironment,
  tagComponent,
  tagRawResource,
} from './StageEnvironment';

/**
 * The VPC the API, the database and the Lambdas run in: public subnets for the
 * ALB and the NAT gateway, private subnets for tasks and functions, isolated
 * subnets for Aurora. Flow logs go to an encrypted log group.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  /** The NAT gateways' public addresses as /32 CIDRs: the environment's own egress, which the WAF allow-list must admit. */
  readonly egressCidrs: string[];

  constructor(
    scope: Construct,
    id: string,
    props: { env: StageEnvironment; key: kms.IKey },
  ) {
    super(scope, id);
    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      logGroupName: `/ir/${props.env.names.prefix}/vpc-flow-logs`,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: props.env.names.prefix,
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        {
          name: 'public',
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: 24,
          mapPublicIpOnLaunch: false,
        },
        {
          name: 'app',
          subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS,
          cidrMask: 22,
        },
        {
          name: 'data',
          subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
          cidrMask: 24,
        },
      ],
      // Strips the default security group's rules (a CDK custom resource does it).
      restrictDefaultSecurityGroup: true,
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    this.egressCidrs = this.vpc.publicSubnets
      .map(subnet => subnet.node.tryFindChild('EIP'))
      .filter((eip): eip is ec2.CfnEIP => eip instanceof ec2.CfnEIP)
      .map(eip => Fn.join('', [eip.ref, '/32']));
    // The provider CDK adds for restrictDefaultSecurityGroup is a raw CfnResource
    // the tag aspect does not reach.
    const provider = Stack.of(this).node.tryFindChild(
      'Custom::VpcRestrictDefaultSGCustomResourceProvider',
    );
    for (const child of provider?.node.findAll() ?? []) {
      if (
        child instanceof CfnResource &&
        child.cfnResourceType !== 'Custom::VpcRestrictDefaultSG'
      ) {
        tagRawResource(child, props.env, 'api');
      }
    }
    for (const subnet of this.vpc.publicSubnets) {
      Validations.of(subnet).acknowledge({
        id: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW',
        reason:
          'Public subnets hold only the internet-facing ALB and the NAT gateway, which need a route to the internet gateway; tasks, functions and the database sit in private subnets.',
      });
    }
    tagComponent(this, props.env, 'api');
  }
}
