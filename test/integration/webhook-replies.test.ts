import { afterEach, describe, expect, it } from 'vitest';
import type { Dialog, DialogInput } from '../../src/bot/dialog.js';
import type { GroupEventSink } from '../../src/bot/group-event-sink.js';
import { createResidentRepository } from '../../src/bot/resident-repository.js';
import type { GroupLifecycleEvent } from '../../src/zalo/zalo-event.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

/** A dialog that answers with a numbered menu plus buttons and records what it was told. */
function createRecordingDialog() {
  const inputs: Array<{ userId: string; input: DialogInput }> = [];
  const humanReplies: string[] = [];
  const dialog: Dialog = {
    async respond(userId, input) {
      inputs.push({ userId, input });
      return {
        messages: [
          { text: 'Chọn một mục:\n1. Hộ nghèo\n2. Bảo hiểm y tế', buttons: [{ title: 'Hộ nghèo', payload: '1' }] },
        ],
        outcome: { kind: 'menu' },
      };
    },
    noteHumanReply(userId) {
      humanReplies.push(userId);
    },
  };
  return { dialog, inputs, humanReplies };
}

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('replies', () => {
  it('when Zalo refuses reply buttons, then the reply is resent as plain text and buttons stay off, also after a restart', async () => {
    const { dialog } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    app.sim.setButtonsOnCs(false);
    const user = app.sim.addUser({ isFollower: true });

    await app.sim.sendUserText(user.userId, 'menu');
    await app.settle();
    const { dbFile, sim } = app;
    await app.sim.sendUserText(user.userId, 'menu nữa');
    await app.settle();
    const csRequests = () => sim.requests.filter((r) => r.path === '/v3.0/oa/message/cs');
    expect(csRequests()).toHaveLength(3);
    app.sim.setButtonsOnCs(true);
    app.sim.setWebhook(null);
    await app.close();
    // the same database, a new process: the flag is remembered
    app = await buildTestApp({ dialog, dbFile });
    app.sim.setButtonsOnCs(true);
    const again = app.sim.addUser({ isFollower: true });
    await app.sim.sendUserText(again.userId, 'menu');
    await app.settle();

    const sent = sim.sentToUser(user.userId);
    expect(sent.map((m) => m.text)).toEqual([sent[0]!.text, sent[0]!.text]);
    expect(sent.every((m) => !m.buttons?.length)).toBe(true);
    expect(app.sim.sentToUser(again.userId).map((m) => m.buttons ?? [])).toEqual([[]]);
  });

  it('when a message with buttons is refused with HTTP 400, then the plain text goes out and buttons stay off', async () => {
    const { dialog } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: '/v3.0/oa/message/cs', httpStatus: 400 });

    await app.sim.sendUserText(user.userId, 'menu');
    await app.settle();
    await app.sim.sendUserText(user.userId, 'menu nữa');
    await app.settle();

    const sent = app.sim.sentToUser(user.userId);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.text).toContain('1. Hộ nghèo');
    expect(sent.every((m) => !m.buttons?.length)).toBe(true);
  });

  it('when a message with buttons is refused for another message-level reason, then it is resent once as plain text but buttons stay on', async () => {
    const { dialog } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: '/v3.0/oa/message/cs', code: -210 });

    await app.sim.sendUserText(user.userId, 'menu');
    await app.settle();
    await app.sim.sendUserText(user.userId, 'menu nữa');
    await app.settle();

    const sent = app.sim.sentToUser(user.userId);
    expect(sent.map((m) => m.buttons?.length ?? 0)).toEqual([0, 1]);
  });

  it('when Zalo accepts buttons, then they are sent with the numbered text', async () => {
    const { dialog } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    const user = app.sim.addUser({ isFollower: true });

    await app.sim.sendUserText(user.userId, 'menu');
    await app.settle();

    const [sent] = app.sim.sentToUser(user.userId);
    expect(sent?.text).toContain('1. Hộ nghèo');
    expect(sent?.buttons?.map((b) => b.title)).toEqual(['Hộ nghèo']);
  });

  it('when a reply cannot be sent (outside the 7-day window), then the failure is logged with Zalo’s code and later events go on', async () => {
    app = await buildTestApp();
    const stale = app.sim.addUser({ isFollower: true, lastInteraction: Date.now() - 8 * 24 * 3_600_000 });
    const fresh = app.sim.addUser({ isFollower: true });

    // posted straight to the webhook: the simulator does not count it as a new interaction
    const res = await app.postSigned(JSON.stringify(app.sim.events.userSendText(stale.userId, 'câu hỏi cũ')));
    await app.sim.sendUserText(fresh.userId, 'câu hỏi mới');
    await app.settle();

    expect(res.status).toBe(200);
    expect(app.sim.sentToUser(stale.userId)).toEqual([]);
    expect(app.sim.sentToUser(fresh.userId)).toHaveLength(1);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 50, code: '-230', msg: expect.stringMatching(/^reply not sent/) }),
    );
    expect(app.inbox.stats()).toMatchObject({ pending: 0, failed: 0 });
  });
});

describe('event routing', () => {
  it('when a resident follows, then they are welcomed and recorded as a follower with their interaction time', async () => {
    app = await buildTestApp();
    const user = app.sim.addUser();

    await app.sim.emit(app.sim.events.follow(user.userId));
    await app.settle();

    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual([
      'Xin chào! Cảm ơn bạn đã quan tâm. Đây là kênh hỏi đáp về Chương trình giảm nghèo bền vững. Bạn có thể nhắn câu hỏi của mình tại đây.',
    ]);
    const resident = createResidentRepository(app.db).get(user.userId);
    expect(resident).toMatchObject({ followed: true, lastInteractionAt: expect.any(Number) });

    await app.sim.emit(app.sim.events.unfollow(user.userId));
    await app.settle();
    expect(createResidentRepository(app.db).get(user.userId)?.followed).toBe(false);
  });

  it('when a resident sends an image, then the dialog is told it cannot read it', async () => {
    const { dialog, inputs } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    const user = app.sim.addUser({ isFollower: true });

    await app.sim.emit(app.sim.events.userSend('image', user.userId));
    await app.settle();

    expect(inputs).toEqual([{ userId: user.userId, input: { kind: 'unsupported', eventName: 'user_send_image' } }]);
  });

  it('when an official answers from the OA chat, then the dialog hears of it and nothing is sent', async () => {
    const { dialog, humanReplies, inputs } = createRecordingDialog();
    app = await buildTestApp({ dialog });
    const user = app.sim.addUser({ isFollower: true });

    await app.sim.emit(
      app.sim.events.oaSend('text', user.userId, { text: 'Chào anh', adminId: '4267886274574868951' }),
    );
    await app.sim.emit(app.sim.events.oaSend('text', user.userId, { text: 'tin tự động' }));
    await app.settle();

    expect(humanReplies).toEqual([user.userId]);
    expect(inputs).toEqual([]);
    expect(app.sim.sentToUser(user.userId)).toEqual([]);
  });

  it('when group lifecycle events arrive, then the group sink receives them typed and in order', async () => {
    const received: GroupLifecycleEvent[] = [];
    const groupEvents: GroupEventSink = { onGroupEvent: (event) => void received.push(event) };
    app = await buildTestApp({ groupEvents });
    const member = app.sim.addUser();

    await app.sim.emit(app.sim.events.groupEvent('create_group', 'g1'));
    await app.sim.emit(app.sim.events.groupEvent('user_join_group', 'g1', [member.userId]));
    await app.sim.emit(app.sim.events.groupEvent('delete_group', 'g1'));
    await app.settle();

    expect(received.map((e) => [e.event_name, e.group_id, e.users.map((u) => u.id)])).toEqual([
      ['create_group', 'g1', []],
      ['user_join_group', 'g1', [member.userId]],
      ['delete_group', 'g1', []],
    ]);
  });

  it('when the group sink fails once, then the event is retried and not lost', async () => {
    const received: string[] = [];
    let failures = 1;
    const groupEvents: GroupEventSink = {
      onGroupEvent(event) {
        if (failures-- > 0) throw new Error('directory busy');
        received.push(event.event_name);
      },
    };
    app = await buildTestApp({ groupEvents, retryDelaysMs: [1] });

    await app.sim.emit(app.sim.events.groupEvent('update_group_info', 'g2'));
    await app.settle();

    expect(received).toEqual(['update_group_info']);
    expect(app.db.prepare('SELECT status, attempts FROM inbox_events').all()).toEqual([
      { status: 'done', attempts: 2 },
    ]);
  });
});
