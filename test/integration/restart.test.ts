import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { buildTestApp } from '../helpers/build-test-app.js';

const sim = createZaloSimulator({ ...SANDBOX_ZALO });
afterEach(async () => {
  await sim.close();
});

it('when the process dies right after acknowledging an event, then the event is answered after the restart', async () => {
  const { url } = await sim.listen();
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-restart-')), 'loa-xa.sqlite');
  const user = sim.addUser({ isFollower: true });
  const crashed = await buildTestApp({ dbFile, simulator: { sim, url }, startProcessor: false });

  const delivery = await sim.sendUserText(user.userId, 'cho tôi hỏi về hộ cận nghèo');
  await crashed.close();
  const before = sim.sentToUser(user.userId).length;
  const restarted = await buildTestApp({ dbFile, simulator: { sim, url } });
  await restarted.settle();
  await restarted.close();

  expect(delivery.status).toBe(200);
  expect(before).toBe(0);
  expect(sim.sentToUser(user.userId)).toHaveLength(1);
  expect(sim.deliveries).toHaveLength(1);
});
