import { test, expect } from '@playwright/test';
import { signIn } from './support';

// The app's signals plugin is wired in (discovered from packages/app's
// dependencies): a Stagelight page subscribes to the backend's operation
// channel over the signals WebSocket, so progress is pushed, not polled.
test("the stage board subscribes to the backend's operation signals", async ({
  page,
}) => {
  await signIn(page, 'Lee Lead');
  const subscribed = page.waitForEvent('websocket', {
    predicate: ws => new URL(ws.url()).pathname === '/api/signals',
  });
  await page.goto('/catalog/default/system/northside/stagelight');
  const ws = await subscribed;
  await ws.waitForEvent('framesent', {
    predicate: frame =>
      String(frame.payload).includes('"channel":"stagelight:operation"'),
  });
  expect(ws.isClosed()).toBe(false);
});
