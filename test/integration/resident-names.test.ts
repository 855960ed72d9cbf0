import { afterEach, describe, expect, it } from 'vitest';
import { createResidentRepository } from '../../src/bot/resident-repository.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const USER_DETAIL = '/v3.0/oa/user/detail';
const REPLY = '/v3.0/oa/message/cs';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function resident(test: TestApp, userId: string) {
  return createResidentRepository(test.db).get(userId);
}

function requestsTo(test: TestApp, path: string) {
  return test.sim.requests.filter((r) => r.path === path);
}

describe('residents’ Zalo display names', () => {
  it('when a resident writes, then after the reply their Zalo name is stored and never logged', async () => {
    app = await buildTestApp();
    const user = app.sim.addUser({ displayName: 'Chị Lan Hà', isFollower: true });

    await app.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settle();

    expect(app.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(resident(app, user.userId)?.displayName).toBe('Chị Lan Hà');
    // the lookup starts only once the reply was sent
    expect(app.sim.requests.map((r) => r.path).filter((p) => p === REPLY || p === USER_DETAIL)).toEqual([
      REPLY,
      USER_DETAIL,
    ]);
    expect(app.logs.text()).not.toContain('Lan Hà');

    await app.sim.sendUserText(user.userId, 'cảm ơn');
    await app.settle();
    expect(requestsTo(app, USER_DETAIL)).toHaveLength(1);
  });

  it('when a resident follows, then their Zalo name is stored', async () => {
    app = await buildTestApp();
    const user = app.sim.addUser({ displayName: 'Anh Tuấn' });

    await app.sim.emit(app.sim.events.follow(user.userId));
    await app.settle();

    expect(app.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(resident(app, user.userId)?.displayName).toBe('Anh Tuấn');
  });

  it('when Zalo refuses the user detail, then the reply still goes out, the event is done and no retry happens within 24 h', async () => {
    app = await buildTestApp();
    const user = app.sim.addUser({ displayName: 'Chị Lan Hà', isFollower: true });
    app.sim.injectFault({ path: USER_DETAIL, code: -223 });

    await app.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settle();

    expect(app.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(app.inbox.stats()).toMatchObject({ pending: 0, failed: 0, done: 1 });
    expect(resident(app, user.userId)).toMatchObject({ displayName: null, displayNameCheckedAt: expect.any(Number) });
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, code: '-223', msg: expect.stringContaining('display name') }),
    );

    await app.sim.sendUserText(user.userId, 'còn hỏi thêm');
    await app.settle();
    expect(app.sim.sentToUser(user.userId)).toHaveLength(2);
    expect(requestsTo(app, USER_DETAIL)).toHaveLength(1);
    expect(resident(app, user.userId)?.displayName).toBeNull();
  });

  it('when the user detail is slow, then the reply goes out and the event is done before the name arrives', async () => {
    app = await buildTestApp();
    const user = app.sim.addUser({ displayName: 'Bác Ba', isFollower: true });
    app.sim.injectFault({ path: USER_DETAIL, latencyMs: 2_000 });

    await app.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.processor.whenIdle();
    await app.outbox.whenIdle();

    expect(app.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(app.inbox.stats()).toMatchObject({ pending: 0, done: 1 });
    expect(resident(app, user.userId)?.displayName).toBeNull();

    await app.settle();
    expect(resident(app, user.userId)?.displayName).toBe('Bác Ba');
  });
});
