import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundleLambda, LambdaName } from '../lambdas/bundle';
import { LOG_RETENTION } from './StageEnvironment';

export interface LambdaFunctionProps {
  lambdaName: LambdaName;
  functionName: string;
  vpc: ec2.IVpc;
  key: kms.IKey;
  timeout: Duration;
  memorySize: number;
  reservedConcurrency: number;
  environment: Record<string, string>;
  /** Receives asynchronous invocations that failed every retry. */
  deadLetterQueue?: sqs.IQueue;
  /** Where the function's bundle is written; see bundleLambda. */
  bundleRoot?: string;
}

/**
 * The settings both Lambdas share: esbuild bundle, Node.js 24 on arm64, in the
 * VPC's private subnets, encrypted environment and log group, bounded concurrency.
 */
export class LambdaFunction extends Construct {
  readonly fn: lambda.Function;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    const bundle = bundleLambda(props.lambdaName, props.bundleRoot);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${props.functionName}: outbound HTTPS only`,
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'AWS APIs and the API service over HTTPS',
    );
    this.fn = new lambda.Function(this, 'Function', {
      functionName: props.functionName,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(bundle.dir),
      timeout: props.timeout,
      memorySize: props.memorySize,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: props.environment,
      environmentEncryption: props.key,
      logGroup,
      deadLetterQueue: props.deadLetterQueue,
      loggingFormat: lambda.LoggingFormat.JSON,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
    });
    const role = this.fn.role;
    if (role) {
      Validations.of(role).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            'The AWS managed basic execution policy only lets the function write its own logs.',
        },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
          reason:
            'The AWS managed VPC access policy is what Lambda needs to attach network interfaces in the VPC.',
        },
      );
    }
  }
}
