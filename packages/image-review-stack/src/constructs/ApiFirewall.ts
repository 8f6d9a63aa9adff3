import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import {
  LOG_RETENTION,
  StageEnvironment,
  tagComponent,
} from './StageEnvironment';

export interface ApiFirewallProps {
  env: StageEnvironment;
  key: kms.IKey;
  loadBalancer: elbv2.IApplicationLoadBalancer;
  /** The environment's own egress (NAT) addresses; the ingest Lambda calls the API through them. */
  egressCidrs: string[];
}

const managedRule = (
  name: string,
  priority: number,
): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: {
    sampledRequestsEnabled: true,
    cloudWatchMetricsEnabled: true,
    metricName: name,
  },
});

/**
 * WAF in front of the API's ALB: AWS managed rules always, plus an IP
 * allow-list on stages that are not public (everything else is blocked).
 */
export class ApiFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const { names, stage } = props.env;
    const allowCidrs =
      'allowCidrs' in stage.access ? stage.access.allowCidrs : undefined;

    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      managedRule('AWSManagedRulesCommonRuleSet', 10),
      managedRule('AWSManagedRulesKnownBadInputsRuleSet', 20),
    ];
    if (allowCidrs) {
      const v4 = [
        ...allowCidrs.filter(c => !c.includes(':')),
        ...props.egressCidrs,
      ];
      const v6 = allowCidrs.filter(c => c.includes(':'));
      const sets = [
        new wafv2.CfnIPSet(this, 'AllowListV4', {
          name: `${names.prefix}-allow-v4`,
          scope: 'REGIONAL',
          ipAddressVersion: 'IPV4',
          addresses: v4,
        }),
        ...(v6.length
          ? [
              new wafv2.CfnIPSet(this, 'AllowListV6', {
                name: `${names.prefix}-allow-v6`,
                scope: 'REGIONAL',
                ipAddressVersion: 'IPV6',
                addresses: v6,
              }),
            ]
          : []),
      ];
      const references = sets.map(set => ({
        ipSetReferenceStatement: { arn: set.attrArn },
      }));
      rules.push({
        name: 'AllowListedSources',
        priority: 30,
        action: { allow: {} },
        statement:
          references.length === 1
            ? references[0]
            : { orStatement: { statements: references } },
        visibilityConfig: {
          sampledRequestsEnabled: true,
          cloudWatchMetricsEnabled: true,
          metricName: 'AllowListedSources',
        },
      });
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${names.prefix}-api`,
      scope: 'REGIONAL',
      defaultAction: allowCidrs ? { block: {} } : { allow: {} },
      rules,
      visibilityConfig: {
        sampledRequestsEnabled: true,
        cloudWatchMetricsEnabled: true,
        metricName: `${names.prefix}-api`,
      },
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.loadBalancer.loadBalancerArn,
      webAclArn: this.webAcl.attrArn,
    });

    // WAF only logs to log groups whose name starts with aws-waf-logs-.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${names.prefix}`,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const { partition, region, account } = Stack.of(this);
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        `arn:${partition}:logs:${region}:${account}:log-group:${logGroup.logGroupName}`,
      ],
    });
    tagComponent(this, props.env, 'api');
  }
}
