import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { sampleForm } from './clinicForm';

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

/**
 * Parameters a user would submit for the sample clinic of `sampleForm`: the
 * same values under the template's parameter names, plus the repository.
 */
export function sampleParameters(over: Record<string, unknown> = {}) {
  const { clinic, ...form } = sampleForm();
  return {
    clinicId: clinic,
    ...form,
    repoUrl: 'github.com?owner=acme-health&repo=lakeside-image-review',
    ...over,
  };
}
