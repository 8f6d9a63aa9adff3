import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createLogger } from '../../logging';
import { createNotifyHandler, imageSetDeepLink } from './handler';

describe('the notify handler', () => {
  const id = '3f1c2a9e-7b4d-4c8e-9a1f-0b2c3d4e5f60';

  it('builds the deep link from the web app URL and the image set id', () => {
    expect(imageSetDeepLink('https://dev.review.example', id)).toBe(
      `https://dev.review.example/image-sets/${id}`,
    );
    expect(imageSetDeepLink('https://d111.cloudfront.net/', id)).toBe(
      `https://d111.cloudfront.net/image-sets/${id}`,
    );
  });

  it('refuses events without an image set id instead of sending a useless email', async () => {
    const send = jest.fn();
    const handler = createNotifyHandler({
      ses: { send } as unknown as SESv2Client,
      webBaseUrl: 'https://x.example',
      sender: 'a@x.example',
      reviewers: ['b@x.example'],
      clinicName: 'Clinic',
      log: createLogger({ write: () => {} }),
    });
    await expect(handler({ imageSetId: 'visit-0001' })).rejects.toThrow(
      /imageSetId/,
    );
    expect(send).not.toHaveBeenCalled();
  });
});
