import { Duration, RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { StageEnvironment, tagComponent } from './StageEnvironment';

export interface UserAuthProps {
  env: StageEnvironment;
  /** The web app's origin; sign-in redirects back there. */
  webBaseUrl: string;
}

/** Name of the federated provider in the user pool (shown on the hosted sign-in page). */
export const IDENTITY_PROVIDER_NAME = 'EntraID';

/**
 * A Cognito user pool in which nobody signs up or keeps a password: users sign
 * in through the organisation's identity provider (Entra ID over OIDC or SAML).
 */
export class UserAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: UserAuthProps) {
    super(scope, id);
    const { config, names, stage } = props.env;
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: names.prefix,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(1),
      },
      accountRecovery: cognito.AccountRecovery.NONE,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode:
        cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: stage.protected,
      removalPolicy: stage.protected
        ? RemovalPolicy.RETAIN
        : RemovalPolicy.DESTROY,
    });
    const idp = config.identityProvider;
    const provider =
      idp.type === 'oidc'
        ? new cognito.UserPoolIdentityProviderOidc(this, 'Oidc', {
            userPool: this.userPool,
            name: IDENTITY_PROVIDER_NAME,
            issuerUrl: idp.issuer,
            clientId: idp.clientId,
            // The IdP issued this secret; an operator stores it under the derived name.
            // This is a CloudFormation dynamic reference ({{resolve:secretsmanager:...}}):
            // the value is resolved at deploy time and never appears in the template.
            clientSecret: SecretValue.secretsManager(
              names.idpClientSecretName,
            ).unsafeUnwrap(),
            scopes: ['openid', 'email', 'profile'],
            attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
            attributeMapping: {
              email: cognito.ProviderAttribute.other('email'),
            },
          })
        : new cognito.UserPoolIdentityProviderSaml(this, 'Saml', {
            userPool: this.userPool,
            name: IDENTITY_PROVIDER_NAME,
            metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(
              idp.metadataUrl,
            ),
            attributeMapping: {
              email: cognito.ProviderAttribute.other(
                'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
              ),
            },
          });
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.custom(IDENTITY_PROVIDER_NAME),
      ],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          cognito.OAuthScope.OPENID,
          cognito.OAuthScope.EMAIL,
          cognito.OAuthScope.PROFILE,
        ],
        callbackUrls: [`${props.webBaseUrl}/auth/callback`],
        logoutUrls: [props.webBaseUrl],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    this.client.node.addDependency(provider);
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: names.cognitoDomainPrefix },
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection is enforced through the Plus feature plan (standardThreatProtectionMode FULL_FUNCTION), the successor of AdvancedSecurityMode that this rule inspects.',
    });
    tagComponent(this, props.env, 'auth');
  }
}
