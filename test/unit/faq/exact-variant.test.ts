import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../../src/faq/content/load-content.js';
import { createManualClock } from '../../../src/shared/clock.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-exact-variant-'));
fs.mkdirSync(path.join(dir, 'faq'));
fs.writeFileSync(
  path.join(dir, 'faq', '01-vay-von.yaml'),
  `id: vay-von
title: Vay vốn
order: 1
questions: [vay vốn]
nodes:
  - id: thu-tuc-vay
    title: Vay ở đâu, thủ tục thế nào?
    questions:
      - Muốn vay vốn thì làm thủ tục ở đâu?
      - vay von o dau
    answer: Vay tại điểm giao dịch xã của Ngân hàng Chính sách xã hội.
    legal_basis: [Nghị định 78/2002/NĐ-CP]
    reviewed: 2026-11-20
  - id: lai-suat
    title: Lãi suất vay
    questions:
      - Lãi suất vay vốn hộ nghèo bao nhiêu?
      - lai suat vay von
    answer: Lãi suất theo quy định của Thủ tướng.
    legal_basis: [Nghị định 78/2002/NĐ-CP]
    reviewed: 2026-11-20
`,
);
const snapshot = buildSnapshot(loadContent(dir), createManualClock());
const now = Date.parse('2026-11-29T12:00:00+07:00');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exact question variants', () => {
  it.each(['vay von o dau', 'Vay vốn ở đâu?', 'VAY VỐN Ở ĐÂU'])(
    'when "%s" is typed exactly as an answer variant that stop phrases would reduce to a topic name, then that answer is given',
    (text) => {
      expect(snapshot.match(text, now)).toMatchObject({ kind: 'answer', id: 'thu-tuc-vay', score: 1 });
    },
  );

  it('when only the topic name is typed, then the topic menu is still offered', () => {
    expect(snapshot.match('vay vốn', now)).toMatchObject({ kind: 'suggestions', topicId: 'vay-von' });
  });
});
