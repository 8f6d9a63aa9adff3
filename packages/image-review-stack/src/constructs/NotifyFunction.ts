import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LambdaFunction } from './LambdaFunction';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export interface NotifyFunctionProps {
  env: StageEnvironment;
  vpc: ec2.IVpc;
  key: kms.IKey;
  /** Where the web app runs; the deep links point there. */
  webBaseUrl: string;
  bundleRoot?: string;
}

/**
 * Emails reviewers a deep link to a new image set through SES (v2), from the
 * clinic's verified sender identity. Invoked asynchronously by the ingest
 * Lambda; events that still fail after Lambda's retries land in a DLQ.
 */
export class NotifyFunction extends Construct {
  readonly fn: lambda.Function;
  readonly identity: ses.EmailIdentity;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotifyFunctionProps) {
    super(scope, id);
    const { config, names } = props.env;
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      identity: ses.Identity.email(config.senderEmail),
    });
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      queueName: `${names.notifyFunction}-dlq`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const { fn } = new LambdaFunction(this, 'Lambda', {
      lambdaName: 'notify',
      functionName: names.notifyFunction,
      vpc: props.vpc,
      key: props.key,
      timeout: Duration.seconds(15),
      memorySize: 256,
      reservedConcurrency: 2,
      bundleRoot: props.bundleRoot,
      deadLetterQueue: this.deadLetterQueue,
      environment: {
        WEB_BASE_URL: props.webBaseUrl,
        SENDER_EMAIL: config.senderEmail,
        REVIEWER_EMAILS: config.reviewers.join(','),
        CLINIC_NAME: config.displayName,
      },
    });
    this.fn = fn;
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.identity.emailIdentityArn],
      }),
    );
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter queue of the notify Lambda's asynchronous invocations.",
    });
    if (fn.role) {
      Validations.of(fn.role).acknowledge(
        {
          id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
          reason:
            "CDK's grant for sending to a KMS-encrypted queue; limited to the environment's data key.",
        },
        {
          id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
          reason:
            "CDK's grant for sending to a KMS-encrypted queue; limited to the environment's data key.",
        },
      );
    }
    tagComponent(this, props.env, 'notify');
    tagComponent(this.deadLetterQueue, props.env, 'dlq');
  }
}
