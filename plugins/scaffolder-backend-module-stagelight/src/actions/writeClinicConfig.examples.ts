import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { clinicConfigFromForm } from '../clinic/clinicForm';
import { EXAMPLE_CLINIC_FORM } from '../clinic/exampleClinic';
import { validateExampleStep } from './validateClinic.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Write the config the validate step outputs, as the new-clinic template does',
    example: stringify({
      steps: [
        validateExampleStep,
        {
          id: 'config',
          name: 'Write the clinic config',
          action: 'stagelight:clinic-config:write',
          input: { config: '${{ steps.validate.output.config }}' },
        },
      ],
    }),
  },
  {
    description:
      'Write a clinic config given in full into infra/clinic.config.json',
    example: stringify({
      steps: [
        {
          id: 'config',
          name: 'Write the clinic config',
          action: 'stagelight:clinic-config:write',
          input: {
            config: clinicConfigFromForm(EXAMPLE_CLINIC_FORM),
            targetPath: 'infra',
          },
        },
      ],
    }),
  },
];
