import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

/** templates/new-clinic at the repository root. */
export const TEMPLATE_DIR = join(__dirname, '../../../../templates/new-clinic');

/** The template entity, as the catalog would read it. */
export async function loadTemplate(): Promise<any> {
  return parse(await fs.readFile(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'));
}

/** The template folder as the dry-run endpoint takes it (what the editor uploads). */
export async function templateDirectoryContents(): Promise<
  { path: string; base64Content: string }[]
> {
  const out: { path: string; base64Content: string }[] = [];
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else {
        out.push({
          path: relative(TEMPLATE_DIR, abs).split(sep).join('/'),
          base64Content: (await fs.readFile(abs)).toString('base64'),
        });
      }
    }
  }
  await walk(TEMPLATE_DIR);
  return out;
}

/** Parameters a user would submit for a sample clinic. */
export function sampleParameters(over: Record<string, unknown> = {}) {
  return {
    clinicId: 'lakeside',
    displayName: 'Lakeside Imaging',
    owner: 'group:default/lakeside-imaging',
    webDomain: 'review.lakeside.example',
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
    repoUrl: 'github.com?owner=acme-health&repo=lakeside-image-review',
    ...over,
  };
}
