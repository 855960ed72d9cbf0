/**
 * Content fact table, part D: the corrections of the December 2026 hand re-read of topic files 01, 02, 10
 * (docs/content-review-2026-12.md, first section). Each row is written from /work/shared/policy-facts.md
 * (fact ids in `facts`) and fails on the wording the re-read replaced: a [1] fact stated without its
 * attribution, a [?] fact stated as certain, a rule the sheet does not support, a sentence stale on
 * 1/1/2027. Same shape and checks as parts A–C (answer-facts.test.ts).
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
const NEXT_YEAR = '2027-01-15';

/** F1.7 [1]: the near-poor definition of the 2022–2025 line, from one source */
const NEAR_POOR_ATTRIBUTED = ['theo hướng dẫn đã công bố', 'theo các hướng dẫn đã công bố'];

export const FACTS_TABLE_D: FactRow[] = [
  // ---------------------------------------------------------------- 01-chuan-ngheo.yaml
  // F1.7 [1]: "dưới 3 chỉ số là hộ cận nghèo" (2022–2025 line) attributed wherever an answer states it
  shown('chuan-ngheo-thu-nhap', TODAY, ['F1.7'], [NEAR_POOR_ATTRIBUTED, ['cận nghèo']]),
  shown('ho-ngheo-la-gi', TODAY, ['F1.7'], [NEAR_POOR_ATTRIBUTED, ['cận nghèo']]),
  // F1.7 [1] attributed; F1.5 [?]: the example thresholds hedged as a whole, not "thường được nêu"
  shown('chi-so-thieu-hut', TODAY, ['F1.5', 'F1.7'], [NEAR_POOR_ATTRIBUTED, ['chưa xác minh']], {
    mustNot: ['ví dụ thường được nêu', 'chắc chắn về đầy đủ các ngưỡng'],
  }),
  // F4.12 [1]: "the final decree has no floor" attributed in the 2027 answer too
  shown('chuan-ngheo-2027', NEXT_YEAR, ['F4.12'], [['theo thông tin đã công bố, bản chính thức không nêu']]),
  // F3.17: 3 triệu for poor households, 4 triệu in especially difficult communes/villages — not "tối đa 3 triệu"
  // F3.8: 150.000 đ is the Decree 81/2021 amount, [?] under Decree 238/2025; F3.11/F3.13 [1]: dated figures
  // F3.24: where to file the monthly allowance is [?] — referred, not stated
  shown(
    'quyen-loi-ho-ngheo',
    TODAY,
    ['F3.8', 'F3.11', 'F3.13', 'F3.17', 'F3.24'],
    [['4 triệu'], ['đặc biệt khó khăn'], ['mức hiện hành chưa xác minh'], ['2018']],
    { mustNot: ['xét theo hồ sơ riêng, nộp tại UBND xã'] },
  ),
  // F3.4: the old 2015 rule was for members of near-poor households just out of poverty (100%, 5 years)
  {
    node: 'quyen-loi-ho-moi-thoat-ngheo',
    on: TODAY,
    must: [['hộ cận nghèo mới thoát nghèo'], ['100%'], ['5 năm'], ['hết áp dụng']],
    facts: ['F3.4'],
  },
  // F2.12: the 2025 provincial plan included low-income workers; that the review "đã xét" them is not in the sheet
  {
    node: 'nguoi-lao-dong-thu-nhap-thap',
    on: TODAY,
    must: [['Kế hoạch rà soát năm 2025']],
    mustNot: ['đã xét cả nhóm này'],
    facts: ['F2.12'],
  },
  // ---------------------------------------------------------------- 02-ra-soat-ho-ngheo.yaml
  // F2.7 [?]: where the results are posted is not stated as certain in the late-December answer (F2.5: posted)
  {
    node: 'ra-soat-dinh-ky',
    on: '2026-12-20',
    must: [['niêm yết công khai']],
    mustNot: ['công khai ở thôn và UBND xã'],
    facts: ['F2.5', 'F2.7'],
  },
  // F1.7 [1]: poor → near-poor when fewer than 3 deprivations remain, attributed
  shown('bi-dua-ra-khoi-danh-sach', TODAY, ['F1.7'], [NEAR_POOR_ATTRIBUTED, ['vẫn trong danh sách']]),
  // F4.10: "12 chỉ số" is the 2022–2025 list; the survey answer (no versions) says so and that it changes in 2027
  {
    node: 'phieu-a-phieu-b',
    on: NEXT_YEAR,
    must: [['dùng đến hết năm 2026, có 12 chỉ số'], ['từ 2027 danh sách có điều chỉnh']],
    mustNot: ['chấm thu nhập và 12 chỉ số thiếu hụt'],
    facts: ['F1.4', 'F4.10'],
  },
  // sheet note (§4): no replacement of QĐ 24/2021 found for 2027+ — the procedure may be updated
  shown('ai-xet-duyet-ho-ngheo', NEXT_YEAR, ['F2.11', 'F4.9'], [['24/2021'], ['có thể được cập nhật']]),
  shown('dang-ky-ho-ngheo', NEXT_YEAR, ['F2.2', 'F4.9'], [['Mẫu số 01'], ['có thể được cập nhật']]),
  // ---------------------------------------------------------------- 10-nop-ho-so-them.yaml
  // the sheet says nothing on keeping benefits after a move: hedged, not promised
  {
    node: 'tam-tru-moi-chuyen-den',
    on: TODAY,
    must: [['chưa có thông tin chắc chắn']],
    inAnswer: [['quyền lợi có được giữ không']],
    mustNot: ['hướng dẫn giữ quyền lợi'],
    facts: ['F2.2'],
  },
];
