import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';

/**
 * What residents write in the chaos and soak runs: questions with and without diacritics, teencode,
 * small talk, a menu command, out-of-scope questions. Each must get exactly one reply, the same
 * whatever the resident wrote before: `calibrate` keeps only those that do, so every acknowledged
 * message has a known expected reply and a duplicate or a loss shows as a count per text.
 */
export const MESSAGE_POOL = [
  'hộ nghèo được hỗ trợ những gì',
  'ho ngheo thu nhap bao nhieu',
  'bảo hiểm y tế cho hộ cận nghèo',
  'vay vốn ngân hàng chính sách xã hội',
  'hỗ trợ tiền điện cho hộ nghèo',
  'con hộ nghèo có được miễn học phí không',
  'thủ tục công nhận hộ nghèo',
  'hỗ trợ nhà ở cho hộ nghèo',
  'tro giup phap ly mien phi',
  'xin chào',
  'cảm ơn',
  'menu',
  'giá vàng hôm nay bao nhiêu',
  'mai trời có mưa không',
];

/** How long a reply may take in the calibration (no faults), and how long to wait for a second one. */
const CALIBRATION_TIMEOUT_MS = 30_000;
const EXTRA_REPLY_WAIT_MS = 400;

export interface Calibration {
  /** pool text → the single reply text it gets */
  replyOf: Map<string, string>;
  /** pool texts left out (no reply, several, or a reply that depends on what came before) */
  dropped: string[];
}

/**
 * Two fresh residents send the pool one message at a time, in opposite orders, waiting for each reply:
 * a text is kept when it got exactly one reply, the same for both.
 */
export async function calibrate(sim: ZaloSimulator, pool: readonly string[] = MESSAGE_POOL): Promise<Calibration> {
  const forward = await repliesInOrder(sim, pool);
  const backward = await repliesInOrder(sim, [...pool].reverse());
  const replyOf = new Map<string, string>();
  const dropped: string[] = [];
  for (const text of pool) {
    const a = forward.get(text);
    const b = backward.get(text);
    if (a?.length === 1 && b?.length === 1 && a[0] === b[0]) replyOf.set(text, a[0]!);
    else dropped.push(text);
  }
  return { replyOf, dropped };
}

async function repliesInOrder(sim: ZaloSimulator, texts: readonly string[]): Promise<Map<string, string[]>> {
  const { userId } = sim.addUser({ isFollower: true });
  const replies = new Map<string, string[]>();
  for (const text of texts) {
    const before = sim.sentToUser(userId).length;
    const result = await sim.sendUserText(userId, text);
    if (result.status !== 200) throw new Error(`calibration: the app answered ${String(result.status)}`);
    const deadline = Date.now() + CALIBRATION_TIMEOUT_MS;
    while (sim.sentToUser(userId).length === before && Date.now() < deadline) await sleep(50);
    await sleep(EXTRA_REPLY_WAIT_MS);
    replies.set(
      text,
      sim
        .sentToUser(userId)
        .slice(before)
        .map((m) => m.text ?? ''),
    );
  }
  return replies;
}

export interface LedgerCounts {
  /** messages the app acknowledged with a 200 (each must be answered exactly once) */
  acknowledged: number;
  /** replies Zalo (the simulator) accepted for the residents */
  repliesSent: number;
  /** replies beyond the expected ones */
  duplicates: number;
  /** expected replies never sent */
  losses: number;
  /** replies no acknowledged message asked for (a wrong or unknown text) */
  unexpected: number;
}

/** Expected replies per resident (from acknowledged messages) against what the simulator recorded. */
export interface Ledger {
  acknowledge(userId: string, text: string): void;
  counts(): LedgerCounts;
  /** expected replies not (yet) in the simulator's records */
  outstanding(): number;
}

export function createLedger(sim: ZaloSimulator, calibration: Calibration): Ledger {
  const expected = new Map<string, Map<string, number>>();
  let acknowledged = 0;

  function tally(): LedgerCounts {
    let repliesSent = 0;
    let duplicates = 0;
    let losses = 0;
    let unexpected = 0;
    for (const [userId, wanted] of expected) {
      const got = new Map<string, number>();
      for (const m of sim.sentToUser(userId)) {
        repliesSent += 1;
        got.set(m.text ?? '', (got.get(m.text ?? '') ?? 0) + 1);
      }
      for (const [text, n] of wanted) {
        const g = got.get(text) ?? 0;
        duplicates += Math.max(0, g - n);
        losses += Math.max(0, n - g);
      }
      for (const [text, g] of got) if (!wanted.has(text)) unexpected += g;
    }
    return { acknowledged, repliesSent, duplicates, losses, unexpected };
  }

  return {
    acknowledge(userId, text) {
      const reply = calibration.replyOf.get(text);
      if (reply === undefined) throw new Error(`ledger: "${text}" is not a calibrated message`);
      const wanted = expected.get(userId) ?? new Map<string, number>();
      wanted.set(reply, (wanted.get(reply) ?? 0) + 1);
      expected.set(userId, wanted);
      acknowledged += 1;
    },
    counts: tally,
    outstanding: () => tally().losses,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
