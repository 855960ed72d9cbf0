import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Dialog } from '../../src/bot/dialog.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

/** Echoes each text after a delay that shrinks with the message number: run out of order, later ones would overtake. */
function createEchoDialog() {
  let running = 0;
  let maxRunning = 0;
  const dialog: Dialog = {
    async respond(_userId, input) {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      const text = input.kind === 'text' ? input.text : input.kind;
      await sleep(Math.max(0, 30 - 5 * Number(text.split('-')[1] ?? 0)));
      running -= 1;
      return { messages: [{ text: `echo ${text}` }], outcome: { kind: 'answer' } };
    },
    noteHumanReply() {},
  };
  return { dialog, maxRunning: () => maxRunning };
}

let app: TestApp;
let echo: ReturnType<typeof createEchoDialog>;
beforeEach(async () => {
  echo = createEchoDialog();
  app = await buildTestApp({ dialog: echo.dialog });
});
afterEach(async () => {
  await app.close();
});

it('when two residents’ messages arrive concurrently, then each resident is answered in arrival order and the two are served side by side', async () => {
  const users = [app.sim.addUser({ isFollower: true }), app.sim.addUser({ isFollower: true })];

  await Promise.all(
    users.flatMap((user, u) => [0, 1, 2, 3, 4].map((i) => app.sim.sendUserText(user.userId, `${'ab'[u]}-${i}`))),
  );
  await app.settle();

  for (const user of users) {
    const arrived = app.db
      .prepare('SELECT raw FROM inbox_events WHERE user_key = ? ORDER BY id')
      .all(user.userId)
      .map((row) => (JSON.parse((row as { raw: string }).raw) as { message: { text: string } }).message.text);
    expect(arrived).toHaveLength(5);
    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(arrived.map((text) => `echo ${text}`));
  }
  expect(echo.maxRunning()).toBe(2);
});
