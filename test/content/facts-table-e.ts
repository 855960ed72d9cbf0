/**
 * Content fact table, part E (the 2026-12 hand re-read of topic files 03–09 and the answers of
 * smalltalk.yaml, docs/content-review-2026-12.md): one row per correction, written from
 * /work/shared/policy-facts.md (fact ids in `facts`), not from the YAML. Each row fails on the wording it
 * corrected: a sentence the fact sheet does not support, a [?] fact stated as certain, a [1] fact without
 * its attribution, or an answer stale on 1/1/2027.
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
const NEXT_YEAR = '2027-01-15';
/** F1.7 is [1]: the near-poor definition is attributed */
const ATTRIBUTED = ['theo các hướng dẫn đã công bố', 'theo thông tin đã công bố'];

export const FACTS_TABLE_E: FactRow[] = [
  // 03 — Bảo hiểm y tế
  // the sheet says nothing about students' school BHYT (F3.1 only: the state pays the poor's card)
  shown('bhyt-ho-ngheo', TODAY, ['F3.1'], [['miễn phí']], { mustNot: ['không phải mua thêm BHYT ở trường'] }),
  // F1.7 [1]: near-poor = income at or below the line and fewer than 3 deprivations, attributed
  shown('bhyt-can-ngheo', TODAY, ['F1.7', 'F3.2'], [ATTRIBUTED, ['từ mức chuẩn trở xuống'], ['dưới 3 chỉ số']]),

  // 04 — Học phí
  // F3.8: the 150.000 đ amount is Decree 81/2021's; the amount under Decree 238/2025 is [?]
  shown('hoc-phi-cong-lap', TODAY, ['F3.8'], [['150.000'], ['mức hiện hành chưa xác minh']]),

  // 05 — Vay vốn
  // F3.13 [1]: the 100 triệu cap and 120 months come from one source: attributed
  shown('vay-von-ho-ngheo', TODAY, ['F3.13'], [['100 triệu'], ['theo thông tin đã công bố']]),
  shown('lai-suat-vay-uu-dai', TODAY, ['F3.13'], [['100 triệu'], ['theo thông tin đã công bố']]),
  // F3.13 is a 2019 decision, F3.11 the 2018 rates: the cap is not dated 2018
  shown('thu-tuc-vay-von', TODAY, ['F3.11', 'F3.13'], [['100 triệu'], ['2019'], ['năm 2018']]),
  shown('vay-von-the-chap', TODAY, ['F3.11', 'F3.13'], [['100 triệu'], ['2019'], ['năm 2018']]),
  // the sheet does not make the certificate a loan requirement (F3.10): advice only
  shown('vay-von-sinh-vien', TODAY, ['F3.10', 'F2.5'], [['nên mang theo giấy chứng nhận']]),

  // 06 — Nhà ở, Tết
  // F3.16 [1]: 334.234 was the total announced on 26/8/2025, not a count "up to" that day
  shown('xoa-nha-tam', TODAY, ['F3.16'], [['334.234'], ['ngày 26/8/2025']]),
  // F3.15, F4.8: Project 5 belongs to the ended 2021–2025 programme
  shown('nha-o-du-an-5', TODAY, ['F3.15', 'F4.8'], [['đã kết thúc']]),
  // F3.21: only the Bính Ngọ 2026 gift is known; on 15/1/2027 "next year's Tết" would mean 2028
  shown('qua-tet', NEXT_YEAR, ['F3.21'], [['Đinh Mùi 2027'], ['chưa có thông tin chắc chắn']], { mustNot: ['Quà Tết năm tới'] }),

  // 07 — Học nghề
  // F1.9 is the 2025–2026 rule (NĐ 30/2025 amends NĐ 07/2021); from 2027 the group's rules are not in the sheet (F4.9)
  shown('ho-tro-hoc-nghe', NEXT_YEAR, ['F1.9', 'F4.9'], [['thu nhập thấp'], ['30/2025'], ['2027']]),
  shown('viec-lam-du-an-4', NEXT_YEAR, ['F1.9', 'F4.9'], [], { must: [['30/2025'], ['2027']] }),

  // 08 — Khuyết tật, người cao tuổi
  // F3.24: where to file the disability allowance is [?] (inferred from the two-tier model)
  shown('quyen-loi-nguoi-khuyet-tat', TODAY, ['F3.24'], [['nhiều khả năng nộp tại UBND xã']], { mustNot: ['Hồ sơ nộp tại UBND xã'] }),
  {
    node: 'tro-cap-nguoi-khuyet-tat',
    on: TODAY,
    must: [['nhiều khả năng nộp tại UBND xã'], ['chưa có thông tin chắc chắn']],
    mustNot: ['và nộp hồ sơ tại UBND xã'],
    facts: ['F3.24'],
  },
  // F1.11: allowances are left out of income when identifying middle-income farm households; the sheet is silent on the poor-household review
  shown('tro-cap-nguoi-cao-tuoi', TODAY, ['F1.11'], [['mức sống trung bình thì không tính'], ['hộ nghèo, cận nghèo, bạn hỏi rà soát viên']], {
    mustNot: ['Khi rà soát hộ nghèo, trợ cấp có tính vào thu nhập không: hộ nông nghiệp'],
  }),

  // 09 — Liên hệ, chương trình
  // F4.9: on 15/1/2027 the answer states the line now in force, not "năm 2026 vẫn áp dụng"
  shown('chuong-trinh-2026-2035', NEXT_YEAR, ['F4.9', 'F4.8'], [['2.200.000'], ['2.800.000'], ['01/01/2027']], {
    mustNot: ['Năm 2026 vẫn áp dụng', '1.500.000'],
  }),
  // F5.2 [?]: the old district's 2 towns and 23 communes come from a 2023 map only
  shown('xa-luc-nam-moi', TODAY, ['F5.2', 'F5.3'], [['bản đồ 2023'], ['chưa có thông tin chắc chắn']], { mustNot: ['hơn 180.000 người, 2 thị trấn'] }),
  // F3.24 [?]: only poverty-list files are known to go to the commune (F2.2)
  // 10 — the household split (stop 21): the sheet is silent on whether a new household is reviewed apart, so
  // the answer says so; the form (F2.3) and the monthly review (F2.1) are stated
  shown('tach-ho-ra-o-rieng', TODAY, ['F2.1', 'F2.3'], [['chưa có thông tin chắc chắn'], ['Mẫu số 01'], ['ngày 15 hằng tháng']]),
  { node: 'viec-cua-huyen-cu', on: TODAY, must: [['Hồ sơ hộ nghèo, cận nghèo vẫn nộp tại UBND xã']], mustNot: ['nơi tiếp nhận cụ thể). Hồ sơ vẫn nộp'], facts: ['F2.2', 'F3.24'] },
];
