import { describe, expect, it } from 'vitest';
import { replyWindow, REPLY_WINDOW_MS } from '../../../src/admin/console/inbox/reply-window.js';

const H = 3600_000;

describe('replyWindow', () => {
  it('when the resident wrote recently, then the window is open until 7 days after the last interaction', () => {
    expect(replyWindow(1_000, 500, 2_000)).toEqual({ state: 'open', closesAt: 1_000 + REPLY_WINDOW_MS });
  });

  it('when less than a day is left, then it is closing with whole hours left (at least 1)', () => {
    expect(replyWindow(H, H, H + REPLY_WINDOW_MS - 5.5 * H)).toMatchObject({ state: 'closing', hoursLeft: 5 });
    expect(replyWindow(H, H, H + REPLY_WINDOW_MS - 60_000)).toMatchObject({ state: 'closing', hoursLeft: 1 });
  });

  it('when 7 days have passed, then it is closed; with no recorded interaction the request time counts', () => {
    expect(replyWindow(H, H, H + REPLY_WINDOW_MS).state).toBe('closed');
    expect(replyWindow(null, 30 * H, REPLY_WINDOW_MS).state).toBe('open');
  });

  it('when neither an interaction nor a request is recorded, then there is no window (never one that closed in 1970)', () => {
    expect(replyWindow(null, null, Date.UTC(2026, 10, 29))).toEqual({ state: 'none' });
    expect(replyWindow(0, null, Date.UTC(2026, 10, 29))).toEqual({ state: 'none' });
  });
});
