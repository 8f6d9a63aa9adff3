import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { uploadEventFilter } from '../config/names';
import { LambdaFunction } from './LambdaFunction';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export const INGEST_TIMEOUT = Duration.seconds(30);

export interface IngestFunctionProps {
  env: StageEnvironment;
  vpc: ec2.IVpc;
  key: kms.IKey;
  queue: sqs.IQueue;
  uploads: s3.IBucket;
  archive: s3.IBucket;
  apiBaseUrl: string;
  serviceToken: secretsmanager.ISecret;
  notify: lambda.IFunction;
  bundleRoot?: string;
}

/**
 * Takes upload events from the queue, copies each image into the archive
 * (SSE-KMS), registers it with the API and, for a new image set, asks the
 * notify Lambda to tell the reviewers. Failures are reported per message.
 */
export class IngestFunction extends Construct {
  readonly fn: lambda.Function;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const { names, config } = props.env;
    const { prefix, suffix } = uploadEventFilter(config);
    const { fn } = new LambdaFunction(this, 'Lambda', {
      lambdaName: 'ingest',
      functionName: names.ingestFunction,
      vpc: props.vpc,
      key: props.key,
      timeout: INGEST_TIMEOUT,
      memorySize: 512,
      reservedConcurrency: 10,
      bundleRoot: props.bundleRoot,
      environment: {
        ARCHIVE_BUCKET: props.archive.bucketName,
        ARCHIVE_KMS_KEY_ARN: props.key.keyArn,
        API_BASE_URL: props.apiBaseUrl,
        SERVICE_TOKEN_SECRET_ARN: props.serviceToken.secretArn,
        NOTIFY_FUNCTION_NAME: props.notify.functionName,
        UPLOAD_PREFIX: prefix,
        IMAGE_SUFFIX: suffix,
      },
    });
    this.fn = fn;
    fn.addEventSource(
      new sources.SqsEventSource(props.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        maxConcurrency: 10,
      }),
    );
    // Least privilege, spelled out: read uploads under the clinic prefix, write the archive.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [props.uploads.arnForObjects(`${prefix}*`)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.archive.arnForObjects(`${prefix}*`)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'],
        resources: [props.key.keyArn],
      }),
    );
    props.serviceToken.grantRead(fn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [props.notify.functionArn],
      }),
    );
    if (fn.role) {
      Validations.of(fn.role).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::<${refName(
            props.uploads,
          )}>/${prefix}*]`,
          reason:
            'Images arrive under the clinic prefix with arbitrary names; access is limited to that prefix.',
        },
        {
          id: `AwsSolutions-IAM5[Resource::<${refName(
            props.archive,
          )}>/${prefix}*]`,
          reason:
            'Archive copies keep the upload key; access is limited to the clinic prefix.',
        },
      );
    }
    Validations.of(fn).acknowledge({
      id: 'HIPAA.Security-LambdaDLQ',
      reason:
        "The function is triggered by SQS; failed messages go to the ingest queue's dead-letter queue through its redrive policy, which is where a DLQ belongs for an SQS trigger.",
    });
    tagComponent(this, props.env, 'ingest');
  }
}

/** The logical-id-based token name cdk-nag prints for a bucket's ARN. */
function refName(bucket: s3.IBucket): string {
  return `${Stack.of(bucket).getLogicalId(
    bucket.node.defaultChild as CfnElement,
  )}.Arn`;
}
