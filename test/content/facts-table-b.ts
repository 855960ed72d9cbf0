/**
 * Content fact table, part B (topic files 03–08): for each answer node, what its text must and must
 * not state on a given day. Figures and offices come from /work/shared/policy-facts.md (fact ids in
 * `facts`), not from the YAML, so a wrong or stale figure in the content fails here.
 *
 * - `must`: every group must appear; any alternative of a group will do.
 * - `mustNot`: stale figures, claims the fact sheet does not support, abolished offices.
 * - Facts marked [?] in the fact sheet are checked for the hedge ("chưa có thông tin chắc chắn" …) and
 *   the referral; facts marked [1] for their date or attribution.
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
const NEXT_YEAR = '2027-01-15';

/** Offices abolished in 2025 (F4.1, F4.4, F5.6): never named as a place to go. */
const ABOLISHED = ['Phòng Lao động', 'UBND huyện', 'Ủy ban nhân dân huyện', 'Sở Lao động'];
const COMMUNE = ['UBND xã', 'Ủy ban nhân dân xã'];
const NOT_SURE = ['chưa có thông tin chắc chắn', 'chưa xác minh'];
/** F4.3 is [?] for Bắc Ninh: a provincial department is named only with the hedge and the commune referral. */
const PROVINCE_HEDGE = ['theo phân công sau sắp xếp năm 2025', 'hỏi UBND xã để biết nơi tiếp nhận'];
/** F3.11 is [1] (rates published in 2018). */
const RATE_DATED = ['năm 2018'];
const RATE_HEDGE = ['có thể đã điều chỉnh', 'có thể đã thay đổi'];

export const FACTS_TABLE_B: FactRow[] = [
  // facts residents ask, shown in the answer itself
  {
    node: 'ho-tro-chi-phi-hoc-tap',
    on: TODAY,
    must: [[...NOT_SURE, 'chưa được xác minh']],
    inAnswer: [['150.000'], ['cận nghèo không thuộc diện']],
    facts: ['F3.8'],
  },
  {
    node: 'lai-suat-vay-uu-dai',
    on: TODAY,
    must: [RATE_DATED, RATE_HEDGE],
    inAnswer: [['6,6%'], ['7,92%'], ['100 triệu']],
    facts: ['F3.11', 'F3.13'],
  },
  // 03 — Bảo hiểm y tế
  {
    node: 'bhyt-ho-ngheo',
    on: TODAY,
    must: [['ngân sách Nhà nước đóng', 'Nhà nước đóng', 'miễn phí'], COMMUNE],
    mustNot: [...ABOLISHED, '70%'],
    facts: ['F3.1'],
  },
  {
    node: 'bhyt-can-ngheo',
    on: TODAY,
    must: [['70%'], ['100%'], ['xã nghèo'], COMMUNE],
    mustNot: [...ABOLISHED, 'được cấp thẻ BHYT miễn phí', 'hỗ trợ 50%'],
    facts: ['F3.2'],
  },
  {
    node: 'bhyt-ho-muc-song-trung-binh',
    on: TODAY,
    must: [['30%'], ['mức sống trung bình'], ['nông nghiệp', 'làm nông'], COMMUNE],
    mustNot: [...ABOLISHED, '70%'],
    facts: ['F3.3', 'F2.3'],
  },
  {
    node: 'bhyt-thoat-ngheo',
    on: TODAY,
    must: [NOT_SURE, [...COMMUNE, 'Bảo hiểm xã hội']],
    // the old 2015 rule (100% for 5 years) must not be given as current
    mustNot: [...ABOLISHED, 'vẫn được hỗ trợ 100%', 'được hỗ trợ 100% trong 5 năm', 'hỗ trợ 100% trong 5 năm'],
    facts: ['F3.4'],
  },
  {
    node: 'bhyt-muc-huong',
    on: TODAY,
    must: [['100%'], ['95%'], NOT_SURE, ['Bảo hiểm xã hội', 'bộ phận BHYT', ...COMMUNE]],
    mustNot: ABOLISHED,
    facts: ['F3.5'],
  },

  // 04 — Học phí, hỗ trợ đi học
  {
    node: 'hoc-phi-cong-lap',
    on: TODAY,
    must: [['2025–2026', '2025-2026'], ['miễn học phí'], ['công lập'], ['mầm non'], ['phổ thông']],
    // F3.7 50% for near-poor is [?]; before 2025–2026 only poor households' children were exempt
    mustNot: [...ABOLISHED, 'giảm 50%', 'chỉ con hộ nghèo được miễn'],
    facts: ['F3.6', 'F3.7'],
  },
  {
    node: 'hoc-phi-tu-thuc',
    on: TODAY,
    must: [['tư thục', 'dân lập'], ['HĐND tỉnh', 'Hội đồng nhân dân tỉnh'], ['hỗ trợ học phí']],
    mustNot: [...ABOLISHED, 'được miễn học phí hoàn toàn'],
    facts: ['F3.6'],
  },
  {
    node: 'ho-tro-chi-phi-hoc-tap',
    on: TODAY,
    must: [['150.000', '150 nghìn', '150k'], ['9 tháng'], ['2 lần', 'hai lần'], ['238/2025'], ['nhà trường', ...COMMUNE]],
    // F3.8: the amount under Decree 238/2025 is [?]
    mustNot: [...ABOLISHED, 'mức mới là'],
    facts: ['F3.8'],
  },
  {
    node: 'mien-hoc-phi-hoc-nghe-dai-hoc',
    on: TODAY,
    // F3.9: ethnic-minority clause [1] → attributed; disability [2+]
    must: [['dân tộc thiểu số'], ['khuyết tật'], ['một nguồn', 'hỏi lại nhà trường', 'chưa xác minh'], ['vay vốn']],
    mustNot: [...ABOLISHED, 'mọi sinh viên được miễn học phí'],
    facts: ['F3.9', 'F3.10'],
  },

  // 05 — Vay vốn ưu đãi (NHCSXH)
  {
    node: 'vay-von-ho-ngheo',
    on: TODAY,
    must: [['100 triệu'], ['120 tháng', '10 năm'], ['6,6%', '6.6%'], RATE_DATED, RATE_HEDGE, ['điểm giao dịch']],
    mustNot: [...ABOLISHED, 'tối đa 50 triệu'],
    facts: ['F3.11', 'F3.13', 'F3.14'],
  },
  {
    node: 'vay-von-ho-can-ngheo',
    on: TODAY,
    must: [['120%'], ['7,92%', '7.92%'], RATE_DATED, ['điểm giao dịch']],
    mustNot: [...ABOLISHED, 'lãi suất như hộ nghèo'],
    facts: ['F3.11', 'F3.14'],
  },
  {
    node: 'vay-von-ho-moi-thoat-ngheo',
    on: TODAY,
    must: [['3 năm'], ['5 năm'], ['125%'], ['không vượt mức cho vay hộ nghèo', 'không vượt']],
    mustNot: [...ABOLISHED, '120% lãi suất hộ nghèo'],
    facts: ['F3.12'],
  },
  {
    node: 'lai-suat-vay-uu-dai',
    on: TODAY,
    must: [['6,6%', '6.6%'], ['120%', '7,92%'], ['125%', '8,25%'], RATE_DATED, RATE_HEDGE],
    mustNot: ABOLISHED,
    facts: ['F3.11', 'F3.12'],
  },
  {
    node: 'vay-von-sinh-vien',
    on: TODAY,
    must: [
      ['4.000.000', '4 triệu'],
      ['12 tháng'],
      ['hộ nghèo'],
      ['cận nghèo'],
      ['mức sống trung bình'],
      ['Ngân hàng Chính sách xã hội', 'NHCSXH'],
    ],
    mustNot: [...ABOLISHED, '2.500.000'],
    facts: ['F3.10', 'F3.14'],
  },
  {
    node: 'thu-tuc-vay-von',
    on: TODAY,
    must: [['điểm giao dịch'], ['tổ tiết kiệm và vay vốn'], ['Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Hội Phụ nữ']],
    mustNot: ABOLISHED,
    facts: ['F3.14'],
  },
  {
    node: 'vay-von-gap-rui-ro',
    on: TODAY,
    // no rule in the fact sheet: the referral and the hedge, never an invented rule
    must: [['tổ tiết kiệm và vay vốn', 'điểm giao dịch'], ['NHCSXH', 'Ngân hàng Chính sách xã hội'], NOT_SURE],
    mustNot: [...ABOLISHED, 'được xóa nợ', 'tự động gia hạn', 'khoanh nợ trong'],
    facts: ['F3.14'],
  },
  {
    node: 'vay-von-the-chap',
    on: TODAY,
    // F3.14: "no collateral" is [?]
    must: [NOT_SURE, ['điểm giao dịch', 'Ngân hàng Chính sách xã hội']],
    mustNot: [...ABOLISHED, 'chắc chắn không phải thế chấp'],
    facts: ['F3.14'],
  },

  // 06 — Nhà ở, tiền điện, hỗ trợ Tết
  {
    node: 'xoa-nha-tam',
    on: TODAY,
    // F3.16: 60/30 million from 11/2024 in the campaign; whether it still runs is not known
    must: [['60 triệu'], ['30 triệu'], ['11/2024'], NOT_SURE, ['trưởng thôn', ...COMMUNE]],
    mustNot: [...ABOLISHED, 'hiện nay mức hỗ trợ là', '40 triệu đồng/căn'],
    facts: ['F3.16'],
  },
  {
    node: 'nha-o-du-an-5',
    on: TODAY,
    // F3.15 [1]; Lục Nam probably not a poor district (note after F3.16, not verified)
    must: [['40 triệu'], ['20 triệu'], ['huyện nghèo'], ['2021–2025', '2021-2025'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, 'chủ yếu qua phong trào', 'Lục Nam là huyện nghèo'],
    facts: ['F3.15', 'F3.16'],
  },
  {
    node: 'ho-tro-tien-dien',
    on: TODAY,
    must: [['30 kWh'], ['bậc 1'], ['theo quý'], ['cận nghèo không thuộc diện', 'hộ cận nghèo không được']],
    // F3.19: near-poor households are not eligible
    mustNot: [...ABOLISHED, 'cận nghèo được hỗ trợ tiền điện', 'cận nghèo cũng được hỗ trợ', 'hộ cận nghèo cũng được'],
    facts: ['F3.19'],
  },
  {
    node: 'ho-tro-gao-tet',
    on: TODAY,
    must: [['15 kg'], ['dự trữ quốc gia'], ['trưởng thôn', ...COMMUNE]],
    mustNot: ABOLISHED,
    facts: ['F3.21', 'F7.4'],
  },
  {
    node: 'qua-tet',
    on: TODAY,
    // F3.21 (b) is [1]: attributed; poor households are not automatically included
    must: [
      ['400.000', '400 nghìn'],
      ['người có công'],
      ['bảo trợ xã hội'],
      ['hưu trí xã hội'],
      ['không tự động'],
      ['theo thông tin đã công bố'],
    ],
    mustNot: [...ABOLISHED, 'mọi hộ nghèo được'],
    facts: ['F3.21'],
  },

  // 07 — Học nghề, việc làm
  {
    node: 'ho-tro-hoc-nghe',
    on: TODAY,
    must: [['6 triệu'], ['4 triệu'], ['3 triệu'], ['2,5 triệu', '2.500.000'], ['2 triệu'], ['1 lần', 'một lần']],
    mustNot: ABOLISHED,
    facts: ['F3.17'],
  },
  {
    node: 'hoc-nghe-tien-an-di-lai',
    on: TODAY,
    must: [['30.000'], ['200.000'], ['15 km'], ['300.000'], ['5 km']],
    mustNot: ABOLISHED,
    facts: ['F3.17'],
  },
  {
    node: 'hoc-nghe-thu-nhap-thap',
    on: TODAY,
    // F1.9 thresholds apply through 31/12/2026 (F4.9)
    must: [['2.250.000', '2,25 triệu'], ['3.000.000', '3 triệu'], ['giấy đề nghị'], COMMUNE, ['2027']],
    mustNot: ABOLISHED,
    facts: ['F1.9', 'F4.9'],
  },
  {
    node: 'hoc-nghe-thu-nhap-thap',
    on: NEXT_YEAR,
    // the 2027 rules for this group are not in the fact sheet: no 2022–2025 threshold stated as current
    must: [['351/2025'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, '2.250.000', '2,25 triệu'],
    facts: ['F4.9', 'F1.9'],
  },
  {
    node: 'viec-lam-du-an-4',
    on: TODAY,
    // F3.18: sub-project names [?]; the 2021–2025 programme has ended (F4.8)
    must: [['Dự án 4'], ['2021–2025', '2021-2025'], ['nước ngoài'], ['kết nối việc làm'], ['chưa xác minh', 'chưa có thông tin chắc chắn'], COMMUNE],
    mustNot: ABOLISHED,
    facts: ['F3.18', 'F3.27', 'F4.8'],
  },
  {
    node: 'di-lam-viec-nuoc-ngoai',
    on: TODAY,
    must: [['theo hợp đồng'], NOT_SURE, COMMUNE, ['Sở Nội vụ'], PROVINCE_HEDGE],
    mustNot: [...ABOLISHED, 'do Sở Nội vụ tỉnh Bắc Ninh quản lý'],
    facts: ['F3.18', 'F4.3'],
  },
  {
    node: 'hoc-nghe-hoi-o-dau',
    on: TODAY,
    must: [['Giáo dục và Đào tạo'], ['Nội vụ'], PROVINCE_HEDGE, COMMUNE],
    mustNot: ['Phòng Lao động', 'UBND huyện', 'Ủy ban nhân dân huyện', 'Sở Lao động'],
    facts: ['F4.1', 'F4.3', 'F4.4'],
  },

  // 08 — Khuyết tật, người cao tuổi, trợ giúp pháp lý
  {
    node: 'tro-cap-nguoi-khuyet-tat',
    on: TODAY,
    must: [['500.000'], ['01/7/2024', '1/7/2024'], ['1.000.000'], ['1.250.000'], ['750.000'], COMMUNE],
    mustNot: [...ABOLISHED, 'mức chuẩn 360.000', '360.000 đồng/tháng'],
    facts: ['F3.22', 'F3.23'],
  },
  {
    node: 'muc-chuan-tro-giup-xa-hoi',
    on: TODAY,
    must: [['500.000'], ['01/7/2024', '1/7/2024'], ['360.000'], ['tỉnh có thể quy định', 'cao hơn']],
    mustNot: ABOLISHED,
    facts: ['F3.22'],
  },
  {
    node: 'quyen-loi-nguoi-khuyet-tat',
    on: TODAY,
    must: [['miễn học phí'], ['chi phí học tập'], ['6 triệu'], ['trợ giúp pháp lý']],
    mustNot: ABOLISHED,
    facts: ['F3.24', 'F3.9', 'F3.8', 'F3.17', 'F3.20'],
  },
  {
    node: 'xac-dinh-muc-do-khuyet-tat',
    on: TODAY,
    // the assessment procedure is not in the fact sheet: referral only, no council named as a rule
    must: [['xác định mức độ khuyết tật'], COMMUNE, NOT_SURE],
    mustNot: [...ABOLISHED, 'Hội đồng xác định mức độ khuyết tật'],
    facts: ['F3.23', 'F3.24'],
  },
  {
    node: 'ho-so-tro-cap-khuyet-tat',
    on: TODAY,
    // F3.24: transfer to health [2+], where to file [?]; F4.3 provincial mapping [?] for Bắc Ninh
    must: [COMMUNE, ['01/3/2025', '1/3/2025'], ['Y tế'], ['Sở Y tế'], PROVINCE_HEDGE, NOT_SURE],
    mustNot: [...ABOLISHED, 'ở tỉnh là Sở Y tế'],
    facts: ['F3.24', 'F4.3'],
  },
  {
    node: 'tro-cap-nguoi-cao-tuoi',
    on: TODAY,
    // only the base rate is known (F3.22); ages and coefficients for the elderly are not in the fact sheet
    must: [['500.000'], ['hệ số'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, 'từ đủ 80 tuổi', 'đủ 80 tuổi', '750.000'],
    facts: ['F3.22', 'F3.21'],
  },
  {
    node: 'tro-cap-huu-tri-xa-hoi',
    on: TODAY,
    // F3.21 names Decree 176/2025 and the 2026 Tết gift; age and amount are not in the fact sheet
    must: [['176/2025'], NOT_SURE, COMMUNE, ['400.000', '400 nghìn']],
    mustNot: [...ABOLISHED, 'từ đủ 75 tuổi', 'đủ 75 tuổi', 'đủ 70 tuổi'],
    facts: ['F3.21'],
  },
  {
    node: 'tro-giup-phap-ly',
    on: TODAY,
    must: [['hộ nghèo'], ['bị buộc tội'], ['khó khăn về tài chính'], ['không được thu']],
    mustNot: ABOLISHED,
    facts: ['F3.20'],
  },

  // ---------------------------------------------------------------- round 2: facts residents ask, in the answer itself
  // F3.8 (150.000, hộ nghèo only), F3.9 (only some groups exempt beyond general school)
  shown('hoc-phi-cong-lap', TODAY, ['F3.8', 'F3.9'], [['150.000'], ['cận nghèo không thuộc diện'], ['đại học'], ['theo thông tin đã công bố']]),
  // F3.9: near-poor Kinh students are not exempt; F3.10 student loan 4 triệu
  shown('mien-hoc-phi-hoc-nghe-dai-hoc', TODAY, ['F3.9', 'F3.10'], [['người Kinh'], ['không được miễn học phí'], ['4.000.000']]),
  shown('vay-von-ho-moi-thoat-ngheo', TODAY, ['F3.12'], [['3 năm'], ['quá 3 năm']]),
  // F3.16 [1] for the 334.234 total; F3.15 20 triệu only in poor districts
  shown('xoa-nha-tam', TODAY, ['F3.15', 'F3.16'], [['334.234'], ['theo tin đã đăng'], ['20 triệu'], ['huyện nghèo'], ['30 triệu'], NOT_SURE]),
  shown('ho-tro-tien-dien', TODAY, ['F3.19'], [['không miễn toàn bộ'], ['30 kWh'], ['cận nghèo không thuộc diện']]),
  // F3.23 lists only severe and very severe disability; the allowance is per person
  shown('tro-cap-nguoi-khuyet-tat', TODAY, ['F3.23', 'F3.8'], [['khuyết tật nhẹ không thuộc diện'], ['từng người'], ['chi phí học tập']]),
  shown('quyen-loi-nguoi-khuyet-tat', TODAY, ['F3.24', 'F4.3'], [['Sở Y tế'], PROVINCE_HEDGE, COMMUNE], { mustNot: ['ở tỉnh là Sở Y tế'] }),
  shown('hoc-nghe-tien-an-di-lai', TODAY, ['F3.17'], [['6 triệu'], ['3 triệu'], ['2,5 triệu'], ['30.000'], ['200.000'], ['theo quy định đã biết']]),
  shown('ho-tro-hoc-nghe', TODAY, ['F3.17', 'F1.9'], [['6 triệu'], ['2,5 triệu'], ['thu nhập thấp']]),
];
