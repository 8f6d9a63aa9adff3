import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Database } from './Database';
import {
  LOG_RETENTION,
  StageEnvironment,
  tagComponent,
} from './StageEnvironment';

export interface ApiServiceProps {
  env: StageEnvironment;
  vpc: ec2.IVpc;
  key: kms.IKey;
  accessLogs: s3.IBucket;
  database: Database;
  /** What this deploy is: the image tag and the `DEPLOY_MARKER` the API serves on GET /version. */
  deployMarker: string;
}

/** Port nginx listens on inside the task; it proxies to the Node process on 3000. */
export const API_CONTAINER_PORT = 8080;

/**
 * The API on ECS Fargate behind an internet-facing ALB (HTTPS only). The task
 * runs one image with nginx in front of the Node service; the task definition
 * carries the deploy marker the pipeline passed to this synth.
 */
export class ApiService extends Construct {
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Bearer token the ingest Lambda presents to the API. */
  readonly serviceToken: secretsmanager.Secret;
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: ApiServiceProps) {
    super(scope, id);
    const { names, stage } = props.env;
    const dbSecret = props.database.cluster.secret;
    if (!dbSecret)
      throw new Error('the database cluster has no credentials secret');

    this.serviceToken = new secretsmanager.Secret(this, 'ServiceToken', {
      secretName: names.ingestTokenSecretName,
      description:
        'Bearer token the ingest Lambda presents to the image-review API',
      encryptionKey: props.key,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.serviceToken).acknowledge(
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'A token shared by two parts of the same stack; it changes when the secret is replaced on deploy. Scheduled rotation would need both sides to accept two tokens during the switch.',
      },
      {
        id: 'HIPAA.Security-SecretsManagerRotationEnabled',
        reason:
          'A token shared by two parts of the same stack; it changes when the secret is replaced on deploy. Scheduled rotation would need both sides to accept two tokens during the switch.',
      },
    );

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: names.cluster,
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/ir/${names.prefix}/api`,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      family: names.taskFamily,
      cpu: stage.size.cpu,
      memoryLimitMiB: stage.size.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    const repository = ecr.Repository.fromRepositoryName(
      this,
      'Repository',
      names.apiRepository,
    );
    this.taskDefinition.addContainer('api', {
      containerName: 'api',
      // The pipeline pushes the image tagged with the deploy marker before it deploys.
      image: ecs.ContainerImage.fromEcrRepository(
        repository,
        props.deployMarker,
      ),
      essential: true,
      portMappings: [
        { containerPort: API_CONTAINER_PORT, protocol: ecs.Protocol.TCP },
      ],
      environment: {
        DEPLOY_MARKER: props.deployMarker,
        DB_HOST: props.database.cluster.clusterEndpoint.hostname,
        DB_PORT: '5432',
        DB_NAME: names.databaseName,
        DB_SSL_CA_FILE: '/etc/ssl/rds/global-bundle.pem',
        LOG_LEVEL: 'info',
      },
      secrets: {
        DB_USER: ecs.Secret.fromSecretsManager(dbSecret, 'username'),
        DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret, 'password'),
        SERVICE_TOKEN: ecs.Secret.fromSecretsManager(this.serviceToken),
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'api' }),
      stopTimeout: Duration.seconds(30),
    });
    Validations.of(this.taskDefinition).acknowledge(
      {
        id: 'AwsSolutions-ECS2',
        reason:
          'The plain environment variables are non-secret settings (deploy marker, database host/port/name, log level); credentials come from Secrets Manager.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken, which the execution role needs to pull the image, only accepts Resource "*".',
      },
    );

    const serviceSecurityGroup = new ec2.SecurityGroup(
      this,
      'ServiceSecurityGroup',
      {
        vpc: props.vpc,
        description: `${names.prefix} API tasks`,
        allowAllOutbound: true,
      },
    );
    props.database.securityGroup.addIngressRule(
      serviceSecurityGroup,
      ec2.Port.tcp(5432),
      'API tasks to PostgreSQL',
    );

    this.service = new ecs.FargateService(this, 'Service', {
      serviceName: names.service,
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: stage.size.desiredCount,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [serviceSecurityGroup],
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { rollback: true },
      healthCheckGracePeriod: Duration.seconds(30),
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
    });

    const albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc: props.vpc,
      description: `${names.prefix} API load balancer`,
      allowAllOutbound: false,
    });
    albSecurityGroup.addIngressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'HTTPS',
    );
    albSecurityGroup.addIngressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(80),
      'redirect to HTTPS',
    );
    Validations.of(albSecurityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason:
        "The ALB is the API's public entry point; who may reach it is decided by the WAF web ACL (IP allow-list on non-public stages), not by the security group.",
    });

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: stage.protected,
    });
    this.loadBalancer.logAccessLogs(props.accessLogs, `alb/${names.prefix}`);

    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: names.apiHost,
      validation: acm.CertificateValidation.fromDns(),
    });
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
    });
    const redirect = this.loadBalancer.addListener('Http', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({
        protocol: 'HTTPS',
        port: '443',
        permanent: true,
      }),
    });
    Validations.of(redirect).acknowledge({
      id: 'HIPAA.Security-ELBv2ACMCertificateRequired',
      reason:
        'This listener only answers with a permanent redirect to the HTTPS listener; it serves no content.',
    });
    if (!stage.protected) {
      Validations.of(this.loadBalancer).acknowledge({
        id: 'HIPAA.Security-ELBDeletionProtectionEnabled',
        reason:
          'Deletion protection is reserved for protected stages (clinic config); the load balancer holds no data and this stage is torn down and rebuilt freely.',
      });
    }
    https.addTargets('Api', {
      port: API_CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [
        this.service.loadBalancerTarget({
          containerName: 'api',
          containerPort: API_CONTAINER_PORT,
        }),
      ],
      // Fast registration after a deploy or a wake (AWS: 5 s interval, 2 healthy checks).
      healthCheck: {
        path: '/healthz',
        interval: Duration.seconds(5),
        timeout: Duration.seconds(4),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
        healthyHttpCodes: '200',
      },
      // A sleep or a rolling deploy should not drain for the default 5 minutes.
      deregistrationDelay: Duration.seconds(15),
    });

    this.baseUrl = `https://${names.apiHost}`;
    tagComponent(this, props.env, 'api');
  }
}
