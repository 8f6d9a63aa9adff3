import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { EXAMPLE_CLINIC_FORM } from '../clinic/exampleClinic';

/**
 * The validate step as the new-clinic template runs it, with the example
 * clinic's answers; the write actions' examples start with it too.
 */
export const validateExampleStep = {
  id: 'validate',
  name: 'Validate the clinic',
  action: 'stagelight:clinic:validate',
  input: EXAMPLE_CLINIC_FORM,
};

const { officeCidrs: _officeRanges, ...publicClinic } = EXAMPLE_CLINIC_FORM;

export const examples: TemplateExample[] = [
  {
    description:
      'Validate a new clinic that signs in with OpenID Connect; dev, test and staging answer only the office range',
    example: stringify({ steps: [validateExampleStep] }),
  },
  {
    description:
      'Validate a new clinic that signs in with SAML, with every stage public and prod served on its own certificate',
    example: stringify({
      steps: [
        {
          ...validateExampleStep,
          input: {
            ...publicClinic,
            identityProvider: {
              type: 'saml',
              metadataUrl: 'https://idp.lakeside.example/metadata.xml',
            },
            webCertificateArn:
              'arn:aws:acm:us-east-1:333333333333:certificate/0f3c1a52-6b7e-4d8a-9c1e-2a4b6d8f0e13',
          },
        },
      ],
    }),
  },
];
