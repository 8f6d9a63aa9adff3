import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { NotifyEvent } from '../notify/notifyEvent';

/** Tells reviewers about a new image set. */
export interface Notifier {
  imageSetCreated(event: NotifyEvent): Promise<void>;
}

/** Hands the notification to the notify Lambda asynchronously (Lambda retries it on failure). */
export class LambdaNotifier implements Notifier {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async imageSetCreated(event: NotifyEvent): Promise<void> {
    await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
  }
}
