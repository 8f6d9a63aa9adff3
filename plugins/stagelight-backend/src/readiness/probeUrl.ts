import { EnvironmentResource } from '@stagelight/backstage-plugin-stagelight-common';
import { ReadinessSettings } from '../config/StagelightConfig';

/**
 * The only URLs Stagelight ever probes (no SSRF through the portal): the
 * configured template filled with the environment's own clinic and stage, or
 * the DNS name of the environment's own tagged ALB. Nothing from a request.
 */
export function probeUrlFor(
  env: { clinic: string; stage: string; resources: EnvironmentResource[] },
  settings: Pick<ReadinessSettings, 'baseUrlTemplate' | 'path'>,
  albDnsNames: ReadonlyMap<string, string>,
): string | null {
  let base: string | undefined;
  if (settings.baseUrlTemplate) {
    base = settings.baseUrlTemplate
      .replaceAll('{clinic}', encodeURIComponent(env.clinic))
      .replaceAll('{stage}', encodeURIComponent(env.stage));
  } else {
    const alb = env.resources.find(
      r =>
        r.type === 'elasticloadbalancing:loadbalancer' &&
        albDnsNames.has(r.arn),
    );
    const dns = alb && albDnsNames.get(alb.arn);
    if (dns && /^[a-zA-Z0-9.-]+$/.test(dns)) base = `https://${dns}`;
  }
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}${settings.path}`;
}

/**
 * The URL an environment already in the snapshot is probed at, by the same
 * rule: the configured template, or the ALB DNS name its last refresh found.
 */
export function snapshotProbeUrl(
  record: {
    clinic: string;
    stage: string;
    resources: EnvironmentResource[];
    readinessDetail: { probeUrl: string | null };
  },
  settings: Pick<ReadinessSettings, 'baseUrlTemplate' | 'path'>,
): string | null {
  return settings.baseUrlTemplate
    ? probeUrlFor(record, settings, new Map())
    : record.readinessDetail.probeUrl;
}
