import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const ASK = path.resolve('src/cli/ask.ts');

/** `npm run ask -- --json --date <day>` on stdin `input`, one parsed object per output line. */
function askJson(day: string, input: string): Array<Record<string, unknown>> {
  const run = spawnSync(TSX, [ASK, '--json', '--date', day], { input, encoding: 'utf8', timeout: 90_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

// three conversations, separated by blank lines; the second answers the bot's follow-up question
const CONVERSATIONS = [
  'nhà em 5 người, hai vợ chồng làm công ty được khoảng 12 triệu, ở quê, có được cận nghèo không',
  '',
  'nha toi co duoc ho ngheo ko, thu nhap ca nha 5tr mot thang',
  '4',
  '1',
  '',
  '4',
].join('\n');

describe('npm run ask -- --json: the household self-check', () => {
  it.each([
    ['2026-12-31', 'ở nông thôn: 1.500.000 đ/người/tháng', '1.500.000 đ/người/tháng ở nông thôn'],
    ['2027-01-01', 'ở nông thôn: 2.200.000 đ/người/tháng', '2.200.000 đ/người/tháng ở nông thôn'],
  ])(
    'on %s: per-person figure, the line of the day, the category; one conversation per run of lines',
    (day, line, detailsLine) => {
      const out = askJson(day, `${CONVERSATIONS}\n`);
      expect(out).toHaveLength(5);
      for (const o of out) expect(Object.keys(o).sort()).toEqual(['id', 'kind', 'question', 'score', 'text']);
      const [twelve, asked, verdict, details, fresh] = out;

      expect(twelve).toMatchObject({ kind: 'answer', id: 'tu-kiem-tra-ho-ngheo' });
      expect(twelve!.text).toContain('khoảng 2.400.000 đ/người/tháng');
      expect(twelve!.text).toContain(line);
      expect(twelve!.text).toMatch(/không thuộc diện hộ nghèo, hộ cận nghèo/);

      expect(asked).toMatchObject({ kind: 'suggestions', id: 'tu-kiem-tra-ho-ngheo' });
      expect(asked!.text).toContain('Nhà mình có mấy người');
      expect(verdict).toMatchObject({ kind: 'answer', id: 'tu-kiem-tra-ho-ngheo', question: '4' });
      expect(verdict!.text).toContain('khoảng 1.250.000 đ/người/tháng');
      expect(verdict!.text).toContain(line);
      expect(verdict!.text).toContain('có thể thuộc diện hộ nghèo hoặc hộ cận nghèo');
      expect(verdict!.text).toMatch(/Mẫu số 01 gửi UBND xã\/phường/);
      expect(verdict!.text).toMatch(/\n1\. Xem chi tiết/);
      expect(verdict!.text).not.toMatch(/(bạn|hộ bạn|nhà bạn) là hộ (cận )?nghèo/i);

      // "1": the full verdict, with the indicators' forms and the legal basis
      expect(details).toMatchObject({ kind: 'answer', id: 'tu-kiem-tra-ho-ngheo', question: '1' });
      expect(details!.text).toContain(detailsLine);
      expect(details!.text).toContain('Phiếu A, Phiếu B');
      expect(details!.text).toMatch(/Căn cứ: Nghị định/);

      // after the blank line a new resident: "4" is the main menu's 4th topic, not a household size
      expect(fresh).toMatchObject({ kind: 'suggestions', id: expect.any(String) });
      expect(fresh!.id).not.toBe('tu-kiem-tra-ho-ngheo');
    },
  );
});
