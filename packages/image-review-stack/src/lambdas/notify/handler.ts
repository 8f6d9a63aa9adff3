import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createLogger, Logger } from '../../logging';
import { awsClients, requiredEnv } from '../awsClients';
import { isNotifyEvent, NotifyEvent } from './notifyEvent';

export interface NotifyDependencies {
  ses: SESv2Client;
  /** e.g. https://dev.review.clinic.example */
  webBaseUrl: string;
  sender: string;
  reviewers: string[];
  clinicName: string;
  log: Logger;
}

export function notifyDependenciesFromEnv(): NotifyDependencies {
  return {
    ses: awsClients.ses(),
    webBaseUrl: requiredEnv('WEB_BASE_URL'),
    sender: requiredEnv('SENDER_EMAIL'),
    reviewers: requiredEnv('REVIEWER_EMAILS').split(',').filter(Boolean),
    clinicName: requiredEnv('CLINIC_NAME'),
    log: createLogger({ fields: { fn: 'notify' } }),
  };
}

/** Where the web app shows an image set. */
export function imageSetDeepLink(
  webBaseUrl: string,
  imageSetId: string,
): string {
  return new URL(
    `/image-sets/${encodeURIComponent(imageSetId)}`,
    webBaseUrl,
  ).toString();
}

/**
 * Emails reviewers a link to a new image set. The email carries only the link:
 * the image set's folder name may identify a patient, so it never leaves the API.
 */
export function createNotifyHandler(deps: NotifyDependencies) {
  return async (event: NotifyEvent): Promise<{ messageId: string }> => {
    if (!isNotifyEvent(event)) {
      throw new Error('notify event needs an imageSetId (uuid)');
    }
    const link = imageSetDeepLink(deps.webBaseUrl, event.imageSetId);
    const subject = `${deps.clinicName}: new images to review`;
    const text = `New images are ready for review:\n\n${link}\n\nSign in with your organisation account to open them.`;
    const html = `<p>New images are ready for review.</p><p><a href="${link}">Open the image set</a></p><p>Sign in with your organisation account to open them.</p>`;
    const out = await deps.ses.send(
      new SendEmailCommand({
        FromEmailAddress: deps.sender,
        Destination: { ToAddresses: deps.reviewers },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: text, Charset: 'UTF-8' },
              Html: { Data: html, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
    deps.log.info('reviewers notified', {
      imageSetId: event.imageSetId,
      recipients: deps.reviewers.length,
      sesMessageId: out.MessageId,
    });
    return { messageId: out.MessageId ?? '' };
  };
}

let configured: ReturnType<typeof createNotifyHandler> | undefined;

export const handler = (event: NotifyEvent) => {
  configured ??= createNotifyHandler(notifyDependenciesFromEnv());
  return configured(event);
};
