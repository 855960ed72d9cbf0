import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editNodeYaml } from '../../../src/faq/edit/edit-node-yaml.js';

const TOPIC = `# Chủ đề thử: bảo hiểm y tế.
id: bao-hiem-y-te
title: Bảo hiểm y tế
questions: [bảo hiểm y tế, thẻ bhyt]
keywords: [thẻ bảo hiểm]   # căn thẳng cột
nodes:
  - id: bhyt-ho-ngheo
    title: Thẻ BHYT cho người thuộc hộ nghèo
    questions:
      # cách hỏi có dấu
      - Hộ nghèo có được cấp thẻ bảo hiểm y tế miễn phí không?
      - ho ngheo co duoc the bhyt ko   # không dấu
    answer: |
      Người thuộc hộ nghèo được Nhà nước đóng 100% tiền bảo hiểm y tế.

  - id: bhyt-can-ngheo
    title: BHYT cho người thuộc hộ cận nghèo
    answer: Người thuộc hộ cận nghèo được hỗ trợ ít nhất 70% tiền đóng.
  - id: chuan-ngheo
    title: Chuẩn nghèo
    versions:
      - valid_until: 2026-12-31
        answer: |
          Chuẩn cũ.
      - valid_from: 2027-01-01
        answer: |
          Chuẩn mới.
`;

function lines(text: string): string[] {
  return text.split('\n');
}

describe('editNodeYaml', () => {
  it('when a phrasing is added to a node, then it ends its questions list and every other line keeps its bytes', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'addQuestions',
      nodeId: 'bhyt-ho-ngheo',
      texts: ['thẻ bhyt hộ nghèo: miễn phí?'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const before = lines(TOPIC);
    const after = lines(result.text);
    expect(after).toHaveLength(before.length + 1);
    const at = before.indexOf('      - ho ngheo co duoc the bhyt ko   # không dấu') + 1;
    expect(after[at]).toBe('      - "thẻ bhyt hộ nghèo: miễn phí?"');
    expect([...after.slice(0, at), ...after.slice(at + 1)]).toEqual(before);
    expect(parse(result.text).nodes[0].questions).toContain('thẻ bhyt hộ nghèo: miễn phí?');
  });

  it('when the topic itself gets a phrasing, then its flow list grows in place', () => {
    const result = editNodeYaml(TOPIC, { kind: 'addQuestions', nodeId: 'bao-hiem-y-te', texts: ['bhyt'] });
    expect(result.ok && lines(result.text)[3]).toBe('questions: [bảo hiểm y tế, thẻ bhyt, bhyt]');
    expect(result.ok && lines(result.text)[4]).toBe('keywords: [thẻ bảo hiểm]   # căn thẳng cột');
  });

  it('when a node has no questions yet, then a list is created after its title', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'addQuestions',
      nodeId: 'bhyt-can-ngheo',
      texts: ['cận nghèo được mấy phần trăm'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const node = parse(result.text).nodes[1];
    expect(Object.keys(node)).toEqual(['id', 'title', 'questions', 'answer']);
    expect(node.questions).toEqual(['cận nghèo được mấy phần trăm']);
  });

  it('when every phrasing is already there (case and spacing aside), then nothing changes', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'addQuestions',
      nodeId: 'bhyt-ho-ngheo',
      texts: ['  HO NGHEO co duoc   the bhyt ko '],
    });
    expect(result).toEqual({ ok: false, reason: 'no_change' });
  });

  it('when some phrasings are known, then only the new ones are added and the others reported', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'addQuestions',
      nodeId: 'bhyt-ho-ngheo',
      texts: ['ho ngheo co duoc the bhyt ko', 'bhyt mien phi'],
    });
    expect(result).toMatchObject({ ok: true, added: ['bhyt mien phi'], skipped: ['ho ngheo co duoc the bhyt ko'] });
  });

  it('when an answer typo is fixed, then the block keeps its style and the rest of the file is untouched', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'setAnswer',
      nodeId: 'bhyt-ho-ngheo',
      version: null,
      text: 'Người thuộc hộ nghèo được Nhà nước đóng 100% tiền mua thẻ bảo hiểm y tế.\r\n',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe(TOPIC.replace('đóng 100% tiền bảo hiểm y tế.', 'đóng 100% tiền mua thẻ bảo hiểm y tế.'));
  });

  it('when a dated version is edited, then only that version changes', () => {
    const result = editNodeYaml(TOPIC, {
      kind: 'setAnswer',
      nodeId: 'chuan-ngheo',
      version: 1,
      text: 'Chuẩn mới từ 2027.',
    });
    expect(result.ok && result.text).toBe(TOPIC.replace('Chuẩn mới.', 'Chuẩn mới từ 2027.'));
  });

  it('when the node, the answer or the file is not usable, then the edit is refused', () => {
    expect(editNodeYaml(TOPIC, { kind: 'addQuestions', nodeId: 'khong-co', texts: ['x'] })).toEqual({
      ok: false,
      reason: 'node_not_found',
    });
    expect(editNodeYaml(TOPIC, { kind: 'setAnswer', nodeId: 'bao-hiem-y-te', version: null, text: 'x' })).toEqual({
      ok: false,
      reason: 'no_answer',
    });
    expect(editNodeYaml(TOPIC, { kind: 'setAnswer', nodeId: 'chuan-ngheo', version: 5, text: 'x' })).toEqual({
      ok: false,
      reason: 'no_answer',
    });
    expect(editNodeYaml('id: [', { kind: 'addQuestions', nodeId: 'x', texts: ['x'] })).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });

  it('when the real content files get a phrasing, then each changes by exactly one line', () => {
    const dir = path.resolve('content/faq');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const id = (parse(text) as { nodes: Array<{ id: string }> }).nodes[0]!.id;
      const result = editNodeYaml(text, { kind: 'addQuestions', nodeId: id, texts: ['một cách hỏi mới'] });
      expect(result.ok, file).toBe(true);
      if (!result.ok) continue;
      const removed = lines(result.text).filter((l) => !l.endsWith('- một cách hỏi mới'));
      expect(removed, file).toEqual(lines(text));
    }
  });
});
