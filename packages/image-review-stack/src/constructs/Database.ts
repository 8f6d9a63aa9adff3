import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import {
  BACKUP_RETENTION_DAYS,
  LOG_RETENTION,
  StageEnvironment,
  tagComponent,
} from './StageEnvironment';

export interface DatabaseProps {
  env: StageEnvironment;
  vpc: ec2.IVpc;
  key: kms.IKey;
}

/**
 * Aurora PostgreSQL Serverless v2 for the API. Pausable stages scale to 0 ACU
 * (auto-pause); protected stages get deletion protection. TLS is forced.
 */
export class Database extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    const { names, stage } = props.env;
    // 16.6 supports 0 ACU (auto-pause needs 16.3+).
    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      version: rds.AuroraPostgresEngineVersion.VER_16_6,
    });
    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `${names.dbCluster}: TLS only, statement logging for audits`,
      parameters: {
        'rds.force_ssl': '1',
        log_connections: '1',
        log_disconnections: '1',
      },
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${names.dbCluster}: reachable from the API tasks only`,
      allowAllOutbound: false,
    });
    // Created up front so it is encrypted and retained like every other log group.
    const logGroup = new logs.LogGroup(this, 'PostgresLog', {
      logGroupName: `/aws/rds/cluster/${names.dbCluster}/postgresql`,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine,
      clusterIdentifier: names.dbCluster,
      defaultDatabaseName: names.databaseName,
      credentials: rds.Credentials.fromGeneratedSecret('imagereview', {
        secretName: `${names.prefix}/db-credentials`,
        encryptionKey: props.key,
      }),
      writer: rds.ClusterInstance.serverlessV2('Writer', {
        autoMinorVersionUpgrade: true,
        publiclyAccessible: false,
      }),
      serverlessV2MinCapacity: stage.pausable ? 0 : stage.size.dbMinAcu,
      serverlessV2MaxCapacity: stage.size.dbMaxAcu,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      parameterGroup,
      storageEncrypted: true,
      storageEncryptionKey: props.key,
      iamAuthentication: true,
      backup: {
        retention: Duration.days(BACKUP_RETENTION_DAYS),
        preferredWindow: '02:00-03:00',
      },
      preferredMaintenanceWindow: 'sun:03:30-sun:04:30',
      cloudwatchLogsExports: ['postgresql'],
      monitoringInterval: Duration.seconds(60),
      copyTagsToSnapshot: true,
      deletionProtection: stage.protected,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      port: 5432,
    });
    this.cluster.node.addDependency(logGroup);

    // AWS Backup on top of the cluster's own continuous backups: daily recovery
    // points kept 35 days in an encrypted vault, the same in every stage.
    const vault = new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `${names.prefix}-db`,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupPlanName: `${names.prefix}-db`,
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: Schedule.cron({ hour: '1', minute: '0' }),
          deleteAfter: Duration.days(35),
        }),
      ],
    });
    plan.addSelection('Cluster', {
      resources: [backup.BackupResource.fromRdsDatabaseCluster(this.cluster)],
    });

    const writer = this.cluster.node.findChild('Writer');
    Validations.of(writer).acknowledge({
      id: 'HIPAA.Security-RDSInBackupPlan',
      reason:
        'AWS Backup protects Aurora at the cluster level; the cluster is in the backup plan above and its instances cannot be selected individually.',
    });
    Validations.of(plan).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The AWS managed policy for the AWS Backup service role is what AWS Backup needs to create recovery points.',
    });
    Validations.of(this.cluster).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]',
        reason:
          'The AWS managed policy for the enhanced-monitoring role only lets RDS publish OS metrics to CloudWatch Logs.',
      },
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The API task reads the database password once at start; rotating it needs the API to re-read the secret on authentication failure, which it does not do yet.',
      },
      {
        id: 'HIPAA.Security-SecretsManagerRotationEnabled',
        reason:
          'The API task reads the database password once at start; rotating it needs the API to re-read the secret on authentication failure, which it does not do yet.',
      },
    );
    if (!stage.protected) {
      const reason =
        'Deletion protection is reserved for protected stages (clinic config); this stage is torn down and rebuilt freely, and a final snapshot is kept on deletion.';
      Validations.of(this.cluster).acknowledge(
        { id: 'AwsSolutions-RDS10', reason },
        { id: 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', reason },
      );
    }
    tagComponent(this, props.env, 'db');
  }
}
