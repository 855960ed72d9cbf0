import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentDir } from '../../../src/faq/content/check-content-dir.js';
import { createFaqTranslator, formatDiagnostic } from '../../../src/faq/content/format-diagnostics.js';

const FIXTURES = path.resolve('test/fixtures/content');
const t = createFaqTranslator('vi');
const findings = (tree: string, today = '2026-11-29') =>
  checkContentDir(path.join(FIXTURES, tree), today, t).diagnostics.map(
    (d) => `${path.relative(path.join(FIXTURES, tree), d.file)}:${d.line} ${d.severity} ${d.code}`,
  );

describe('checkContent', () => {
  it('when the tree breaks every error rule, then each error is reported at its file:line', () => {
    expect(findings('broken')).toEqual([
      'faq/01-loi.yaml:3 error PARENT_CYCLE',
      'faq/01-loi.yaml:5 error BAD_ID',
      'faq/01-loi.yaml:17 error DUPLICATE_ID',
      'faq/01-loi.yaml:23 error MISSING_ANSWER',
      'faq/01-loi.yaml:31 error ANSWER_TOO_LONG',
      'faq/01-loi.yaml:35 error TITLE_TOO_LONG',
      'faq/01-loi.yaml:41 error DANGLING_PARENT',
      'faq/01-loi.yaml:47 error DANGLING_FOLLOW_UP',
      'faq/01-loi.yaml:55 error VERSIONS_OVERLAP',
      'faq/01-loi.yaml:61 error BAD_VALIDITY',
      'faq/01-loi.yaml:62 warning UNREACHABLE',
      'faq/01-loi.yaml:66 error BAD_DATE',
      'faq/01-loi.yaml:70 error UNKNOWN_KEY',
      'faq/01-loi.yaml:74 error MISSING_ID',
      'faq/02-vong.yaml:3 error PARENT_CYCLE',
      'faq/02-vong.yaml:6 error PARENT_NOT_TOPIC',
      'faq/03-menu-dai.yaml:1 error MENU_TOO_LONG',
      'faq/04-cu-phap.yaml:6 error YAML_SYNTAX',
      'smalltalk.yaml:4 error BAD_INTENT',
      'smalltalk.yaml:12 error UNKNOWN_SAFETY_WORDS',
      'synonyms.yaml:4 warning SYNONYM_COLLISION',
      'synonyms.yaml:5 warning SYNONYM_STOPWORD',
      'synonyms.yaml:6 error UNKNOWN_KEY',
    ]);
  });

  it('when the tree only has warnings, then each warning is reported and there are no errors', () => {
    expect(findings('warnings')).toEqual([
      'faq/01-canh-bao.yaml:1 warning MENU_LONG',
      'faq/01-canh-bao.yaml:7 warning ANSWER_LONG',
      'faq/01-canh-bao.yaml:10 warning MISSING_LEGAL_BASIS',
      'faq/01-canh-bao.yaml:15 warning REVIEW_MISSING',
      'faq/01-canh-bao.yaml:25 warning REVIEW_STALE',
      'faq/01-canh-bao.yaml:28 warning FEW_QUESTIONS',
      'faq/01-canh-bao.yaml:34 warning UNREACHABLE',
      'faq/01-canh-bao.yaml:72 warning ABOLISHED_OFFICE',
      'faq/01-canh-bao.yaml:75 warning FOLLOW_UPS_MANY',
      'synonyms.yaml:4 warning SYNONYM_COLLISION',
    ]);
  });

  it('when a year passes, then reviews become stale against the injected today', () => {
    expect(findings('valid')).toEqual([]);
    const later = findings('valid', '2027-12-01');
    expect(later.filter((f) => f.endsWith('REVIEW_STALE'))).toHaveLength(6);
    expect(later).toContain('faq/02-nha-o.yaml:45 warning UNREACHABLE');
  });

  it('when a diagnostic is formatted, then it reads file:line: severity CODE and a Vietnamese message', () => {
    const d = checkContentDir(path.join(FIXTURES, 'broken'), '2026-11-29', t).diagnostics.find(
      (x) => x.code === 'DANGLING_PARENT',
    )!;
    expect(formatDiagnostic(d)).toBe(
      `${path.join(FIXTURES, 'broken', 'faq/01-loi.yaml')}:41: error DANGLING_PARENT Mục "mo-coi" có parent "khong-co" nhưng không có mục nào mang id này.`,
    );
  });

  it('when the content folder does not exist, then NO_CONTENT is an error', () => {
    expect(findings('missing')).toEqual([':1 error NO_CONTENT']);
  });
});
