import type { ClinicForm } from './clinicForm';

/**
 * A clinic as someone would fill in the new-clinic form, every value valid.
 * The actions' examples show it and the tests onboard it, so what the
 * examples document is what the tests prove to work.
 */
export const EXAMPLE_CLINIC_FORM: Readonly<ClinicForm> = {
  clinic: 'lakeside',
  displayName: 'Lakeside Imaging',
  owner: 'group:default/lakeside-imaging',
  stages: {
    dev: { account: '111111111111', region: 'eu-central-1' },
    test: { account: '111111111111', region: 'eu-central-1' },
    staging: { account: '222222222222', region: 'eu-west-1' },
    prod: { account: '333333333333', region: 'eu-west-1' },
  },
  reviewers: ['retina@lakeside.example', 'dr.ames@lakeside.example'],
  senderEmail: 'no-reply@review.lakeside.example',
  identityProvider: {
    type: 'oidc',
    issuer:
      'https://login.microsoftonline.com/4b1c7f3e-2d5a-4e6b-9c8d-0a1b2c3d4e5f/v2.0',
    clientId: '8d2e6f4a-1b3c-4d5e-8f9a-0b1c2d3e4f5a',
  },
  officeCidrs: ['203.0.113.0/24'],
  webDomain: 'review.lakeside.example',
};
