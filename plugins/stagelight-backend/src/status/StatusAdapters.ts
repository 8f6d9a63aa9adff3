import { AwsClientFactory } from '../aws/AwsClientFactory';
import { CloudWatchAdapter } from '../aws/CloudWatchAdapter';
import { EcsAdapter } from '../aws/EcsAdapter';
import { LambdaAdapter } from '../aws/LambdaAdapter';
import { LoadBalancerAdapter } from '../aws/LoadBalancerAdapter';
import { RdsAdapter } from '../aws/RdsAdapter';
import { ScalingAdapter } from '../aws/ScalingAdapter';
import { SqsAdapter } from '../aws/SqsAdapter';
import { TaggingAdapter } from '../aws/TaggingAdapter';

/** The AWS reads a status refresh makes, one adapter per service. */
export interface StatusAdapters {
  tagging: TaggingAdapter;
  ecs: EcsAdapter;
  rds: RdsAdapter;
  scaling: ScalingAdapter;
  sqs: SqsAdapter;
  cloudwatch: CloudWatchAdapter;
  lambda: LambdaAdapter;
  elb: LoadBalancerAdapter;
}

/** The adapters over one client factory (`endpoint`: local AWS, which SQS queue URLs must point at). */
export function createStatusAdapters(
  factory: AwsClientFactory,
  endpoint?: string,
): StatusAdapters {
  return {
    tagging: new TaggingAdapter(factory),
    ecs: new EcsAdapter(factory),
    rds: new RdsAdapter(factory),
    scaling: new ScalingAdapter(factory),
    sqs: new SqsAdapter(factory, endpoint),
    cloudwatch: new CloudWatchAdapter(factory),
    lambda: new LambdaAdapter(factory),
    elb: new LoadBalancerAdapter(factory),
  };
}
