import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Copy the image-review stack into the workspace root, as the new clinic's repository",
    example: stringify({
      steps: [
        {
          id: 'stack',
          name: 'Copy the image-review stack',
          action: 'stagelight:stack:copy',
          input: { clinic: 'lakeside', displayName: 'Lakeside Imaging' },
        },
      ],
    }),
  },
  {
    description:
      'Copy the stack into a folder of the workspace, next to other files of the repository',
    example: stringify({
      steps: [
        {
          id: 'stack',
          name: 'Copy the image-review stack into infra/',
          action: 'stagelight:stack:copy',
          input: {
            clinic: 'lakeside',
            displayName: 'Lakeside Imaging',
            targetPath: 'infra',
          },
        },
      ],
    }),
  },
];
