import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { clinicConfigFromForm } from '../clinic/clinicForm';
import { EXAMPLE_CLINIC_FORM } from '../clinic/exampleClinic';
import { validateExampleStep } from './validateClinic.examples';

export const examples: TemplateExample[] = [
  {
    description:
      "Write the clinic's catalog entities from the validate step's output, annotated with the GitHub repository",
    example: stringify({
      steps: [
        validateExampleStep,
        {
          id: 'catalog',
          name: 'Write the catalog entities',
          action: 'stagelight:catalog-info:write',
          input: {
            config: '${{ steps.validate.output.config }}',
            repoSlug: 'acme-health/lakeside-image-review',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write the catalog entities of a clinic config given in full to a file other than catalog-info.yaml',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          name: 'Write the catalog entities',
          action: 'stagelight:catalog-info:write',
          input: {
            config: clinicConfigFromForm(EXAMPLE_CLINIC_FORM),
            path: 'catalog/lakeside.yaml',
          },
        },
      ],
    }),
  },
];
