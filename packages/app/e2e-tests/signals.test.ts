import { test, expect } from '@playwright/test';
import { signIn } from './support';

// The app's signals plugin is wired in (discovered from packages/app's
// dependencies): a Stagelight page subscribes to the backend's operation
// channel over the signals WebSocket, so progress is pushed, not polled.
test("the stage board subscribes to the backend's operation signals", async ({
  page,
}) => {
  await signIn(page, 'Lee Lead');
  // Frames are recorded from the moment a socket opens: the subscription can
  // go out before a listener attached after the 'websocket' event would see it.
  const sent: string[] = [];
  const sockets: { isClosed(): boolean }[] = [];
  page.on('websocket', ws => {
    if (new URL(ws.url()).pathname !== '/api/signals') return;
    sockets.push(ws);
    ws.on('framesent', frame => sent.push(String(frame.payload)));
  });
  await page.goto('/catalog/default/system/northside/stagelight');
  await expect
    .poll(() =>
      sent.some(payload =>
        payload.includes('"channel":"stagelight:operation"'),
      ),
    )
    .toBe(true);
  expect(sockets.some(ws => !ws.isClosed())).toBe(true);
});
