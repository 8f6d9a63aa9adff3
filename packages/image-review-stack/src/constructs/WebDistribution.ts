import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ProtectedBucket } from './ProtectedBucket';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export interface WebDistributionProps {
  env: StageEnvironment;
  accessLogs: s3.IBucket;
}

/**
 * The web app (an SPA) in a private bucket, served by CloudFront over HTTPS
 * through origin access control. With a certificate in the stage config it is
 * served on the stage's own host; otherwise on CloudFront's default domain.
 */
export class WebDistribution extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** e.g. https://dev.review.clinic.example */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const { names, stage } = props.env;
    // Its own key: CloudFront is granted decrypt on this key, not on the data key.
    const key = new kms.Key(this, 'Key', {
      alias: `alias/${names.prefix}-web`,
      description: `Web app assets of ${names.prefix}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new ProtectedBucket(this, 'Bucket', {
      bucketName: names.webBucket,
      key,
      accessLogs: props.accessLogs,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      withoutReplicationBecause:
        'The bucket holds the built web app, which the pipeline can publish again at any time; it holds no patient data.',
    });

    const certificate = stage.webCertificateArn
      ? acm.Certificate.fromCertificateArn(
          this,
          'Certificate',
          stage.webCertificateArn,
        )
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${names.prefix} web app`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy:
          cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      // Client-side routes (deep links such as /image-sets/<id>) are served by index.html.
      errorResponses: [
        {
          httpStatus: 403,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.seconds(0),
        },
        {
          httpStatus: 404,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.seconds(0),
        },
      ],
      domainNames: certificate ? [names.webHost] : undefined,
      certificate,
      minimumProtocolVersion: certificate
        ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021
        : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: `cloudfront/${names.prefix}/`,
    });
    const acknowledgements = [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          "Access is controlled by sign-in (Cognito federated to the clinic's IdP), not by the viewer's country.",
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'CloudFront web ACLs must live in us-east-1; the static assets hold no data, and the API behind them is protected by the regional WAF on its ALB.',
      },
    ];
    if (!certificate) {
      acknowledgements.push({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without a certificate in the stage config the distribution uses CloudFront's default *.cloudfront.net certificate, whose TLS floor CloudFront sets; viewers are still redirected to HTTPS.",
      });
    }
    Validations.of(this.distribution).acknowledge(...acknowledgements);
    Validations.of(this).acknowledge({
      id: 'Annotation::@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac',
      reason:
        'The key encrypts only this bucket of built web assets (no patient data); the key policy still limits decryption to CloudFront distributions of this account.',
    });

    this.baseUrl = certificate
      ? `https://${names.webHost}`
      : `https://${this.distribution.distributionDomainName}`;
    tagComponent(this, props.env, 'web');
  }
}
