import request from 'supertest';

/**
 * Waits until the started backend has finished its first refresh (503
 * before), polling the fleet; returns that first answer. `authorization`
 * sends a user's token instead of the test backend's default.
 */
export async function waitForSnapshot(
  server: any,
  authorization?: string,
): Promise<request.Response> {
  // Up to 60 s: on a busy machine the first refresh against moto takes long.
  for (let i = 0; i < 600; i++) {
    const req = request(server).get('/api/stagelight/environments');
    const res = await (authorization
      ? req.set('Authorization', authorization)
      : req);
    if (res.status === 200) return res;
    if (res.status !== 503) {
      throw new Error(
        `expected 200 or 503 before the snapshot, got ${res.status}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('no snapshot after 60 s');
}
