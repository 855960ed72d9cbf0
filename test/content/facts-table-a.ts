/**
 * Content fact table, part A (topic files 01, 02, 09, 10 and the safety nodes of smalltalk.yaml): for
 * each node, what its text must and must not state on a given day. Figures, offices and contacts come
 * from /work/shared/policy-facts.md (fact ids in `facts`), not from the YAML, so a wrong or stale figure
 * in the content fails here.
 *
 * - `must`: every group must appear; any alternative of a group will do (case, diacritics and
 *   thousands separators ignored).
 * - `mustNot`: stale figures (the 2022–2025 line after 1/1/2027), claims the fact sheet does not
 *   support, draft figures, abolished offices named as a place to go, numbers outside §7.
 * - Facts marked [?] are checked for the hedge and the referral; facts marked [1] for their attribution.
 * - Rows dated 2026-12-07 check the answer valid today; rows dated 2027-01-15 the answer after the new
 *   poverty line (Decree 351/2025, F4.9) takes effect.
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
const NEXT_YEAR = '2027-01-15';
/** after the 2026 periodic review ended on 14/12 (F2.1), before the new line */
const LATE_DECEMBER = '2026-12-20';

/** F1.1: the 2022–2025 line, in force through 31/12/2026 (F4.9) */
const RURAL_2022 = ['1.500.000', '1,5 triệu', '1 triệu 5', '1tr5'];
const URBAN_2022 = ['2.000.000', '2 triệu'];
/** F4.9: the 2026–2030 line, applied from 1/1/2027 */
const RURAL_2027 = ['2.200.000', '2,2 triệu', '2 triệu 2', '2tr2'];
const URBAN_2027 = ['2.800.000', '2,8 triệu', '2 triệu 8', '2tr8'];
/** stale after 1/1/2027 */
const OLD_LINE = ['1.500.000', '1,5 triệu', '1 triệu 5'];
/** F4.12 [1]: draft floor, not in the final decree */
const DRAFT_FLOOR_AS_RULE = ['ngưỡng sàn là', 'dưới 1,9 triệu là hộ nghèo', 'dưới 1.900.000 đồng là hộ nghèo'];
const THREE = ['3 chỉ số', 'ba chỉ số'];
const COMMUNE = ['UBND xã', 'Ủy ban nhân dân xã'];
const NOT_SURE = ['chưa có thông tin chắc chắn', 'chưa xác minh'];
const ATTRIBUTED = ['theo thông tin đã công bố', 'theo số liệu đã công bố', 'theo tin đã đăng', 'theo các hướng dẫn đã công bố'];
/** F4.3 is [?] for Bắc Ninh (except poverty → Sở NN&MT, F2.12) */
const PROVINCE_HEDGE = ['theo phân công sau sắp xếp năm 2025'];
const PROVINCE_REFERRAL = ['hỏi UBND xã để biết nơi tiếp nhận'];
const AGRI_DEPT = ['Sở Nông nghiệp và Môi trường'];
/** Offices abolished in 2025 (F4.1, F4.4, F5.6): never named as a place to go. */
const ABOLISHED = ['Phòng Lao động', 'UBND huyện', 'Ủy ban nhân dân huyện', 'Sở Lao động', 'lên huyện', 'Bộ Lao động'];
/** F3.12: the decision number is [?] */
const QD28_AS_CERTAIN = ['theo Quyết định 28/2015/QĐ-TTg'];
/** F1.10/F5.5: NQ 06/2024 only as "có thể" */
const NQ06_AS_CERTAIN = ['theo Nghị quyết 06/2024/NQ-HĐND'];
/** §7: the only numbers a reply may give */
const OTHER_HOTLINES = ['1800', '18001567', '1900', '112', '116'];

export const FACTS_TABLE_A: FactRow[] = [
  // ---------------------------------------------------------------- facts residents ask, shown in the answer itself
  {
    node: 'chuan-ngheo-2027',
    on: TODAY,
    must: [NOT_SURE],
    inAnswer: [['phương tiện tiếp cận thông tin'], ['internet'], ['rác thải']],
    facts: ['F4.10'],
  },
  {
    node: 'chuan-ngheo-2027',
    on: NEXT_YEAR,
    must: [NOT_SURE],
    inAnswer: [['phương tiện tiếp cận thông tin'], ['internet'], ['rác thải']],
    mustNot: OLD_LINE,
    facts: ['F4.10'],
  },
  {
    node: 'chi-so-thieu-hut',
    on: TODAY,
    must: [NOT_SURE],
    inAnswer: [THREE, ['cận nghèo'], ['internet'], ['rác thải'], ['2027']],
    facts: ['F1.6', 'F1.7', 'F4.10'],
  },
  {
    node: 'chuan-ngheo-bac-ninh',
    on: TODAY,
    must: [ATTRIBUTED],
    inAnswer: [['31/10/2024'], ['1.750.000'], ['2.250.000']],
    facts: ['F1.10', 'F5.5'],
  },
  {
    node: 'ket-qua-giam-ngheo',
    on: TODAY,
    must: [ATTRIBUTED],
    inAnswer: [['517'], ['888'], ['31/10/2024'], ['4,03%'], ['3,49%']],
    facts: ['F1.12', 'F5.4', 'F5.5'],
  },
  // ---------------------------------------------------------------- 01 — Chuẩn nghèo
  {
    node: 'chuan-ngheo-thu-nhap',
    on: TODAY,
    must: [RURAL_2022, URBAN_2022, ['nông thôn'], ['thành thị'], THREE, ['cận nghèo'], RURAL_2027, URBAN_2027, ['2027']],
    mustNot: [...ABOLISHED, 'hoặc thiếu hụt', ...DRAFT_FLOOR_AS_RULE],
    facts: ['F1.1', 'F1.6', 'F1.7', 'F4.9'],
  },
  {
    node: 'chuan-ngheo-thu-nhap',
    on: NEXT_YEAR,
    must: [RURAL_2027, URBAN_2027, ['nông thôn'], ['thành thị'], THREE, ['cận nghèo']],
    mustNot: [...OLD_LINE, '2.000.000', 'đến hết 31/12/2026 vẫn dùng', ...ABOLISHED, ...DRAFT_FLOOR_AS_RULE],
    facts: ['F4.9', 'F4.11'],
  },
  {
    node: 'ho-ngheo-la-gi',
    on: TODAY,
    must: [['đủ cả hai', 'cả hai điều kiện'], RURAL_2022, URBAN_2022, THREE, ['cận nghèo'], RURAL_2027],
    mustNot: [...ABOLISHED, 'hoặc thiếu hụt từ 3'],
    facts: ['F1.6', 'F4.9'],
  },
  {
    node: 'ho-ngheo-la-gi',
    on: NEXT_YEAR,
    must: [['đủ cả hai', 'cả hai điều kiện'], RURAL_2027, URBAN_2027, THREE, ['cận nghèo']],
    mustNot: [...OLD_LINE, ...ABOLISHED, 'hoặc thiếu hụt từ 3'],
    facts: ['F4.9'],
  },
  {
    // F1.7 is [1]: the 2022–2025 near-poor definition is attributed
    node: 'ho-can-ngheo-la-gi',
    on: TODAY,
    must: [RURAL_2022, URBAN_2022, ['dưới 3 chỉ số', 'dưới ba chỉ số'], ['từ 3 chỉ số trở lên'], ATTRIBUTED, RURAL_2027],
    mustNot: ABOLISHED,
    facts: ['F1.7', 'F4.9'],
  },
  {
    node: 'ho-can-ngheo-la-gi',
    on: NEXT_YEAR,
    must: [RURAL_2027, URBAN_2027, ['dưới 3 chỉ số', 'dưới ba chỉ số']],
    mustNot: [...OLD_LINE, ...ABOLISHED],
    facts: ['F4.9'],
  },
  {
    node: 'ho-muc-song-trung-binh',
    on: TODAY,
    must: [['2.250.000'], ['3.000.000'], RURAL_2022, ['30%'], ['vay vốn đi học', 'vay vốn'], ['Mẫu số 01']],
    mustNot: [...ABOLISHED, '70%'],
    facts: ['F1.8', 'F3.3', 'F3.10', 'F2.3'],
  },
  {
    // the 2027 thresholds for average households are not in the fact sheet
    node: 'ho-muc-song-trung-binh',
    on: NEXT_YEAR,
    must: [NOT_SURE, COMMUNE, ['30%']],
    mustNot: [...OLD_LINE, '2.250.000', ...ABOLISHED],
    facts: ['F1.8', 'F3.3', 'F4.9'],
  },
  {
    node: 'nguoi-lao-dong-thu-nhap-thap',
    on: TODAY,
    must: [['2.250.000'], ['3.000.000'], ['học nghề'], ['giấy đề nghị'], COMMUNE, ['không tính người thuộc hộ nghèo', 'không thuộc hộ nghèo']],
    mustNot: ABOLISHED,
    facts: ['F1.9'],
  },
  {
    node: 'nguoi-lao-dong-thu-nhap-thap',
    on: NEXT_YEAR,
    must: [NOT_SURE, COMMUNE],
    mustNot: ABOLISHED,
    facts: ['F1.9', 'F4.9'],
  },
  {
    node: 'chi-so-thieu-hut',
    on: TODAY,
    must: [['6 dịch vụ', 'sáu dịch vụ'], ['12 chỉ số'], ['việc làm'], ['người phụ thuộc'], ['dinh dưỡng'], ['bảo hiểm y tế'], ['nhà tiêu'], ['viễn thông'], ['tiếp cận thông tin']],
    // F1.5 thresholds are [?]; F4.10's final list is [?]
    mustNot: [...ABOLISHED, 'từ năm 2027 bỏ chỉ số'],
    facts: ['F1.3', 'F1.4', 'F1.5', 'F4.10'],
  },
  {
    node: 'chi-so-thieu-hut',
    on: NEXT_YEAR,
    must: [ATTRIBUTED, ['internet', 'dịch vụ số'], ['rác thải'], NOT_SURE, COMMUNE],
    mustNot: [...OLD_LINE, ...ABOLISHED],
    facts: ['F4.10'],
  },
  {
    node: 'chuan-ngheo-bac-ninh',
    on: TODAY,
    must: [['1.750.000'], ['2.250.000'], ['Bắc Ninh'], ['có thể là Nghị quyết 06/2024', 'có thể là NQ 06/2024'], COMMUNE],
    mustNot: [...ABOLISHED, ...NQ06_AS_CERTAIN],
    facts: ['F1.10', 'F4.11', 'F5.5'],
  },
  {
    node: 'chuan-ngheo-bac-ninh',
    on: NEXT_YEAR,
    must: [RURAL_2027, ['cao hơn chuẩn quốc gia', 'chuẩn nghèo riêng'], NOT_SURE, COMMUNE],
    mustNot: [...OLD_LINE, ...ABOLISHED, ...NQ06_AS_CERTAIN],
    facts: ['F1.10', 'F4.9', 'F4.11'],
  },
  {
    node: 'chuan-ngheo-2027',
    on: TODAY,
    must: [['351/2025'], ['2026'], RURAL_2022, URBAN_2022, RURAL_2027, URBAN_2027, ['01/01/2027', '1/1/2027'], THREE],
    mustNot: [...ABOLISHED, ...DRAFT_FLOOR_AS_RULE, 'giai đoạn 2027–2030'],
    facts: ['F4.9', 'F4.12'],
  },
  {
    node: 'chuan-ngheo-2027',
    on: NEXT_YEAR,
    must: [['351/2025'], RURAL_2027, URBAN_2027, ['đô thị'], THREE],
    mustNot: [...OLD_LINE, ...ABOLISHED, ...DRAFT_FLOOR_AS_RULE],
    facts: ['F4.9', 'F4.12'],
  },
  {
    // which standard the late-2026 review applies is not in the fact sheet: hedge + referral
    node: 'ra-soat-2026-chuan-nao',
    on: TODAY,
    must: [['2026'], RURAL_2022, RURAL_2027, ['01/01/2027', '1/1/2027'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, 'không phải làm lại hồ sơ', 'tự động chuyển'],
    facts: ['F4.9', 'F4.10', 'F2.1'],
  },
  {
    node: 'ra-soat-2026-chuan-nao',
    on: NEXT_YEAR,
    must: [RURAL_2027, URBAN_2027, NOT_SURE, COMMUNE],
    mustNot: [...OLD_LINE, ...ABOLISHED, 'không phải làm lại hồ sơ'],
    facts: ['F4.9'],
  },
  {
    node: 'chuan-ngheo-cac-giai-doan',
    on: TODAY,
    must: [['700.000'], ['900.000'], ['2016–2020', '2016-2020'], ['2021'], RURAL_2022, URBAN_2022, RURAL_2027, URBAN_2027],
    mustNot: ABOLISHED,
    facts: ['F1.2', 'F1.1', 'F4.9'],
  },
  {
    node: 'chuan-ngheo-cac-giai-doan',
    on: NEXT_YEAR,
    must: [['700.000'], ['900.000'], RURAL_2022, RURAL_2027, URBAN_2027],
    mustNot: ABOLISHED,
    facts: ['F1.2', 'F1.1', 'F4.9'],
  },
  {
    node: 'quyen-loi-ho-ngheo',
    on: TODAY,
    must: [['BHYT', 'bảo hiểm y tế'], ['miễn học phí'], ['2025–2026', '2025-2026'], ['chi phí học tập'], ['Ngân hàng Chính sách xã hội'], ['30 kWh'], ['học nghề'], ['trợ giúp pháp lý']],
    // F3.15/F3.16 were 2021–2025 schemes: housing help is not promised as current
    mustNot: [...ABOLISHED, 'Hỗ trợ làm mới, sửa chữa nhà khi đủ điều kiện', '40 triệu', '60 triệu'],
    facts: ['F3.1', 'F3.6', 'F3.8', 'F3.10', 'F3.17', 'F3.19', 'F3.20', 'F3.16'],
  },
  {
    node: 'quyen-loi-ho-can-ngheo',
    on: TODAY,
    must: [['70%'], ['100%'], ['xã nghèo'], ['Ngân hàng Chính sách xã hội'], ['2,5 triệu', '2.500.000'], ['trợ giúp pháp lý'], ['không thuộc diện hỗ trợ tiền điện', 'không được hỗ trợ tiền điện']],
    mustNot: [...ABOLISHED, '30 kWh'],
    facts: ['F3.2', 'F3.10', 'F3.11', 'F3.17', 'F3.19', 'F3.20'],
  },
  {
    node: 'quyen-loi-ho-moi-thoat-ngheo',
    on: TODAY,
    must: [['3 năm'], ['5 năm'], ['125%'], ['Ngân hàng Chính sách xã hội'], ['BHYT', 'bảo hiểm y tế'], NOT_SURE, COMMUNE],
    // the 2015 BHYT rule is not current; the 2021–2025 nutrition sub-project has ended
    mustNot: [...ABOLISHED, 'được hỗ trợ 100% BHYT trong 5 năm', 'nằm trong đối tượng của tiểu dự án', ...QD28_AS_CERTAIN],
    facts: ['F3.12', 'F3.4', 'F3.27'],
  },

  // ---------------------------------------------------------------- 02 — Đăng ký, rà soát, thoát nghèo
  {
    node: 'dang-ky-ho-ngheo',
    on: TODAY,
    must: [['Mẫu số 01'], ['Chủ tịch UBND xã'], ['bưu điện'], ['ngày 15'], ['01/9', '1/9'], ['14/12'], ['không mất phí', 'không thu phí', 'miễn phí']],
    mustNot: [...ABOLISHED, 'chắc chắn được'],
    facts: ['F2.1', 'F2.2', 'F2.3', 'F2.9', 'F7.6'],
  },
  {
    node: 'giay-de-nghi-mau-01',
    on: TODAY,
    must: [['Mẫu số 01'], ['CCCD', 'căn cước'], ['nơi cư trú'], ['thành viên'], ['lý do']],
    mustNot: ABOLISHED,
    facts: ['F2.3'],
  },
  {
    node: 'ra-soat-dinh-ky',
    on: TODAY,
    must: [['01/9', '1/9'], ['14/12'], ['họp dân'], ['niêm yết', 'công khai'], ['Chủ tịch UBND xã']],
    // the ministry named in F2.10 is the one now in charge (F4.2), never the abolished one
    mustNot: [...ABOLISHED, 'lên Bộ.', 'trước 14/12'],
    facts: ['F2.1', 'F2.5', 'F2.10', 'F2.13'],
  },
  {
    node: 'ra-soat-dinh-ky',
    on: LATE_DECEMBER,
    must: [['đã kết thúc'], ['ngày 15'], COMMUNE, ['2027']],
    mustNot: [...ABOLISHED, 'lên Bộ.'],
    facts: ['F2.1', 'F2.9', 'F4.9'],
  },
  {
    node: 'ra-soat-dinh-ky',
    on: NEXT_YEAR,
    must: [['01/9', '1/9'], ['14/12'], ['có thể được cập nhật'], COMMUNE],
    mustNot: [...OLD_LINE, ...ABOLISHED],
    facts: ['F2.1', 'F2.5', 'F4.9'],
  },
  {
    node: 'ra-soat-thuong-xuyen',
    on: TODAY,
    must: [['ngày 15'], ['15 ngày'], ['văn bản'], ['Mẫu số 04'], ['Chủ tịch UBND xã']],
    // F2.10's internal reporting date is not for residents
    mustNot: [...ABOLISHED, 'ngày 05 hằng tháng'],
    facts: ['F2.1', 'F2.9'],
  },
  {
    node: 'phieu-a-phieu-b',
    on: TODAY,
    must: [['Phiếu A'], ['Phiếu B'], ['nhận dạng nhanh'], ['CCCD', 'căn cước'], ['thu nhập'], ['trưởng thôn', ...COMMUNE]],
    mustNot: ABOLISHED,
    facts: ['F2.5', 'F2.3'],
  },
  {
    // F1.11: the 12-month rule and the subsidy exclusion are stated for farm households of average standard
    node: 'cach-tinh-thu-nhap',
    on: TODAY,
    must: [['phiếu khảo sát', 'phiếu'], ['bình quân'], ['12 tháng'], ['mức sống trung bình'], ['trợ cấp']],
    mustNot: [...ABOLISHED, 'Các khoản trợ cấp, trợ giúp xã hội từ ngân sách Nhà nước không tính vào thu nhập.'],
    facts: ['F1.11', 'F2.5'],
  },
  {
    node: 'hop-dan-binh-xet',
    on: TODAY,
    must: [['trưởng thôn'], ['50%'], ['2 biên bản', 'hai biên bản'], ['Mặt trận Tổ quốc'], ['họp lại']],
    mustNot: ABOLISHED,
    facts: ['F2.6'],
  },
  {
    // F2.7 (3 working days, place) is [?]
    node: 'niem-yet-cong-khai',
    on: TODAY,
    must: [['nhà văn hóa'], COMMUNE, ['03 ngày', '3 ngày'], NOT_SURE],
    mustNot: [...ABOLISHED, 'niêm yết trong 03 ngày làm việc.'],
    facts: ['F2.5', 'F2.7'],
  },
  {
    // F2.8 is [?]: the steps carry a hedge
    node: 'khieu-nai-ket-qua',
    on: TODAY,
    must: [['phúc tra'], ['Luật Khiếu nại'], ['Chủ tịch UBND xã'], NOT_SURE, ['thường được nêu', 'chưa có thông tin chắc chắn']],
    mustNot: ABOLISHED,
    facts: ['F2.8'],
  },
  {
    // a poor household with a low income but fewer than 3 deprivations becomes near-poor (F1.6, F1.7)
    node: 'bi-dua-ra-khoi-danh-sach',
    on: TODAY,
    must: [['cận nghèo'], ['dưới 3 chỉ số'], ['thoát nghèo'], ['Mẫu số 01'], COMMUNE],
    mustNot: [...ABOLISHED, ...QD28_AS_CERTAIN, 'ra khỏi danh sách dù thu nhập thấp'],
    facts: ['F1.6', 'F1.7', 'F2.5', 'F2.8'],
  },
  {
    node: 'giay-chung-nhan-ho-ngheo',
    on: TODAY,
    must: [['Chủ tịch UBND xã'], ['15 ngày'], ['01/7/2025', '1/7/2025'], ['không còn cấp huyện']],
    mustNot: [...ABOLISHED.filter((o) => o !== 'lên huyện')],
    facts: ['F2.5', 'F2.9', 'F2.11'],
  },
  {
    node: 'thoat-ngheo',
    on: TODAY,
    must: [['Mẫu số 04'], ['Chủ tịch UBND xã'], ['bưu điện'], ['3 năm'], ['Ngân hàng Chính sách xã hội']],
    mustNot: [...ABOLISHED, ...QD28_AS_CERTAIN],
    facts: ['F2.4', 'F2.2', 'F3.12'],
  },
  {
    node: 'ai-xet-duyet-ho-ngheo',
    on: TODAY,
    must: [['01/7/2025', '1/7/2025'], ['Chủ tịch UBND xã'], ['Ban Chỉ đạo'], AGRI_DEPT, ['thường trực'], ['cấp huyện']],
    mustNot: [...ABOLISHED, ...NQ06_AS_CERTAIN, 'Đợt rà soát năm 2025 của tỉnh Bắc Ninh xét cả'],
    facts: ['F2.11', 'F2.12', 'F4.5'],
  },

  // ---------------------------------------------------------------- 10 — Hỏi thêm về nộp hồ sơ
  {
    node: 'nop-don-thang-12',
    on: TODAY,
    must: [['14/12'], ['ngày 15'], ['15 ngày'], ['văn bản'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, 'phải chờ sang năm', 'phải đợi năm sau'],
    facts: ['F2.1', 'F2.9', 'F4.9'],
  },
  {
    node: 'nop-don-thang-12',
    on: NEXT_YEAR,
    must: [['14/12'], ['ngày 15'], ['15 ngày'], RURAL_2027, URBAN_2027, COMMUNE],
    mustNot: [...OLD_LINE, ...ABOLISHED, 'phải chờ sang năm'],
    facts: ['F2.1', 'F2.9', 'F4.9'],
  },
  {
    // the fact sheet only says "nơi cư trú" (F2.2): temporary residence is hedged
    node: 'tam-tru-moi-chuyen-den',
    on: TODAY,
    must: [['nơi cư trú', 'nơi gia đình cư trú'], ['Chủ tịch UBND xã'], NOT_SURE, COMMUNE],
    mustNot: [...ABOLISHED, 'phải có hộ khẩu', 'chỉ nơi thường trú', 'tạm trú không được'],
    facts: ['F2.2'],
  },
  {
    node: 'nho-nguoi-nop-buu-dien',
    on: TODAY,
    must: [['bưu điện'], ['trực tiếp'], ['Chủ tịch UBND xã'], ['ủy quyền'], NOT_SURE],
    mustNot: [...ABOLISHED, 'không được nộp thay', 'phải công chứng'],
    facts: ['F2.2'],
  },
  {
    // F2.2: the online channel is [1]
    node: 'nop-truc-tuyen',
    on: TODAY,
    must: [['Cổng dịch vụ công', 'dịch vụ công trực tuyến'], ['một số địa phương'], NOT_SURE, ['bưu điện'], ['trực tiếp'], COMMUNE],
    mustNot: [...ABOLISHED, 'http', 'www.', 'mọi xã đều nhận hồ sơ trực tuyến'],
    facts: ['F2.2', 'F7.6'],
  },
  {
    // the validity of a certificate is not in the fact sheet
    node: 'giay-chung-nhan-thoi-han',
    on: TODAY,
    must: [NOT_SURE, ['mỗi năm', 'hằng năm'], ['01/9', '1/9'], ['14/12'], COMMUNE],
    mustNot: [...ABOLISHED, 'có giá trị 1 năm', 'có giá trị 5 năm', 'có giá trị vĩnh viễn', 'có thời hạn 12 tháng'],
    facts: ['F2.1', 'F2.5', 'F2.9'],
  },
  shown('giay-chung-nhan-thoi-han', TODAY, ['F2.9'], [['15 ngày'], ['ngày 15']]),
  {
    // the application is not the recognition (F2.3, F2.5); free (F2.2); monthly review and 15 days (F2.9)
    node: 'giay-de-nghi-khac-giay-chung-nhan',
    on: TODAY,
    must: [COMMUNE],
    inAnswer: [['Mẫu số 01'], ['chưa có nghĩa là đã được công nhận'], ['không mất phí'], ['ngày 15'], ['15 ngày'], ['văn bản']],
    mustNot: ABOLISHED,
    facts: ['F2.2', 'F2.3', 'F2.5', 'F2.9'],
  },
  shown('nho-nguoi-nop-buu-dien', TODAY, ['F2.2', 'F2.3'], [['Mẫu số 01'], ['bưu điện'], ['không mất phí']]),
  shown('nop-truc-tuyen', TODAY, ['F2.2', 'F2.3'], [['Mẫu số 01'], ['bưu điện'], ['không mất phí']]),
  shown('tam-tru-moi-chuyen-den', TODAY, ['F2.2', 'F2.3'], [['Mẫu số 01'], ['không mất phí']]),
  shown('nop-don-thang-12', TODAY, ['F2.2', 'F2.3'], [['không mất phí'], ['Mẫu số 01']]),

  // ---------------------------------------------------------------- round 2: facts residents ask, in the answer itself
  shown('dang-ky-ho-ngheo', TODAY, ['F2.1', 'F2.2', 'F2.3'], [['Mẫu số 01'], ['không mất phí'], ['ngày 15'], ['CCCD', 'căn cước']]),
  shown('giay-de-nghi-mau-01', TODAY, ['F2.2', 'F2.4'], [['không mất phí'], ['Mẫu số 04'], COMMUNE]),
  shown('giay-chung-nhan-ho-ngheo', TODAY, ['F2.2', 'F2.3', 'F2.4', 'F2.9'], [['Mẫu số 01'], ['Mẫu số 04'], ['không mất phí'], ['15 ngày']], { mustNot: ABOLISHED }),
  // F2.13 [1] attributed; F2.12 Sở NN&MT standing office; F2.9 monthly review
  shown('ra-soat-dinh-ky', TODAY, ['F2.1', 'F2.9', 'F2.12', 'F2.13'], [['01/10'], ['theo kế hoạch đã công bố'], AGRI_DEPT, ['ngày 15']]),
  shown('bi-dua-ra-khoi-danh-sach', TODAY, ['F2.9'], [['Mẫu số 01'], ['ngày 15'], ['không phải chờ']]),
  shown('chi-so-thieu-hut', TODAY, ['F1.4', 'F1.6', 'F1.7'], [['cả hai điều kiện'], ['bình quân đầu người'], ['hộ cận nghèo']]),
  {
    // F4.12 [1]: the draft floor, named as a draft only
    node: 'chuan-ngheo-2027',
    on: TODAY,
    must: [ATTRIBUTED],
    inAnswer: [['dự thảo'], ['không nêu']],
    mustNot: DRAFT_FLOOR_AS_RULE,
    facts: ['F4.12'],
  },
  shown('chuan-ngheo-2027', NEXT_YEAR, ['F4.12'], [['dự thảo'], ['không nêu']], { mustNot: DRAFT_FLOOR_AS_RULE }),
  // F1.10: the provincial line of the new province (incl. former Bắc Giang), for provincial policies
  shown('chuan-ngheo-bac-ninh', TODAY, ['F1.1', 'F1.10'], [['1.750.000'], ['Bắc Giang cũ'], RURAL_2022, ['chính sách của tỉnh']], { mustNot: NQ06_AS_CERTAIN }),
  shown('ra-soat-2026-chuan-nao', TODAY, ['F1.10', 'F2.3'], [['1.750.000'], ['Mẫu số 01']]),
  // F3.8 hộ nghèo only; F3.17 3 triệu; F3.11 [1] and F3.13 [1] with their hedge
  // 2027: the 2022–2025 list as the reference, the changes attributed, the final list hedged (F4.10 [?])
  shown('chi-so-thieu-hut', NEXT_YEAR, ['F1.4', 'F4.10'], [['cả hai điều kiện'], ['dinh dưỡng'], ['bình quân đầu người'], ATTRIBUTED, NOT_SURE]),
  shown('ra-soat-2026-chuan-nao', NEXT_YEAR, ['F1.10', 'F2.3', 'F4.11'], [['Mẫu số 01'], ['1.750.000'], ['thấp hơn chuẩn quốc gia mới']]),
  shown('nguoi-lao-dong-thu-nhap-thap', TODAY, ['F1.9'], [['không phải hộ cận nghèo']]),
  shown('nguoi-lao-dong-thu-nhap-thap', NEXT_YEAR, ['F1.9'], [['không phải hộ cận nghèo'], ['năm 2025–2026']]),
  shown('quyen-loi-ho-ngheo', TODAY, ['F3.8', 'F3.11', 'F3.13', 'F3.17'], [['150.000'], ['3 triệu'], ['6,6%'], ['100 triệu'], ['theo mức đã công bố'], ['có thể đã điều chỉnh']]),
  shown('quyen-loi-ho-can-ngheo', TODAY, ['F3.8', 'F3.11', 'F3.17'], [['7,92%'], ['120%'], ['năm 2018'], ['2,5 triệu'], ['không cho con hộ cận nghèo']]),
  shown('ho-muc-song-trung-binh', TODAY, ['F1.8', 'F3.10'], [['4.000.000'], ['Ngân hàng Chính sách xã hội'], ['2027'], NOT_SURE]),
  shown('ho-muc-song-trung-binh', NEXT_YEAR, ['F3.10'], [['4.000.000']]),
  {
    node: 'ket-qua-giam-ngheo',
    on: TODAY,
    must: [ATTRIBUTED],
    inAnswer: [['517'], ['31/10/2024'], ['01/7/2025']],
    facts: ['F5.4', 'F5.5', 'F4.6'],
  },
  shown('xa-luc-nam-moi', TODAY, ['F4.4', 'F5.2'], [['không còn cấp huyện'], ['01/7/2025'], NOT_SURE], { mustNot: ABOLISHED }),
  shown('lien-he-ubnd-xa', TODAY, ['F2.11', 'F4.4'], [['không còn cấp huyện'], ['Chủ tịch UBND xã']], { mustNot: ABOLISHED }),
  // F4.3: người có công → Sở Nội vụ, [?] for Bắc Ninh: hedged and referred
  shown('phong-ldtbxh-huyen-cu', TODAY, ['F4.3', 'F2.12'], [['người có công'], ['Sở Nội vụ'], PROVINCE_HEDGE, PROVINCE_REFERRAL, AGRI_DEPT]),
  shown('viec-cua-huyen-cu', TODAY, ['F4.3'], [['người có công'], ['Sở Nội vụ'], ['Sở Y tế'], PROVINCE_HEDGE, PROVINCE_REFERRAL]),

  // ---------------------------------------------------------------- 09 — Liên hệ, chương trình giảm nghèo
  {
    node: 'lien-he-ubnd-xa',
    on: TODAY,
    must: [['01/7/2025', '1/7/2025'], ['2 cấp', 'hai cấp'], ['Trung tâm phục vụ hành chính công'], ['trưởng thôn'], ['điểm giao dịch']],
    // F5.6: no phone number of the old district office; no invented commune numbers
    mustNot: [...ABOLISHED, '0204'],
    facts: ['F4.4', 'F5.6', 'F3.14'],
  },
  {
    node: 'lien-he-cap-tinh',
    on: TODAY,
    must: [AGRI_DEPT, ['thường trực'], ['Sở Y tế'], ['Sở Nội vụ'], ['Sở Giáo dục và Đào tạo'], PROVINCE_HEDGE, PROVINCE_REFERRAL],
    mustNot: ABOLISHED,
    facts: ['F4.2', 'F4.3', 'F2.12'],
  },
  {
    node: 'khong-con-cap-huyen',
    on: TODAY,
    must: [['01/7/2025', '1/7/2025'], ['696'], ['34 tỉnh'], ['3.321'], ['2.636'], ['672'], ['13 đặc khu'], ['Trung tâm phục vụ hành chính công']],
    mustNot: ['UBND huyện', 'lên huyện'],
    facts: ['F4.4'],
  },
  {
    node: 'viec-cua-huyen-cu',
    on: TODAY,
    must: [['01/7/2025', '1/7/2025'], ['thôi hoạt động', 'không còn'], ['Chủ tịch UBND xã'], AGRI_DEPT, ['Trung tâm phục vụ hành chính công']],
    // the old district office is named only as abolished (F5.6)
    mustNot: ['UBND huyện', 'lên huyện', 'Phòng Lao động – Thương binh và Xã hội huyện vẫn'],
    facts: ['F2.11', 'F4.3', 'F4.4', 'F5.6'],
  },
  {
    node: 'bo-ldtbxh-sap-xep',
    on: TODAY,
    must: [['01/3/2025', '1/3/2025'], ['Bộ Nội vụ'], ['Bộ Nông nghiệp và Môi trường'], ['Bộ Giáo dục và Đào tạo'], ['Bộ Y tế'], ['không còn'], AGRI_DEPT],
    mustNot: ['UBND huyện', 'lên huyện', 'Sở Lao động – Thương binh và Xã hội tỉnh Bắc Ninh tiếp nhận'],
    facts: ['F4.1', 'F4.2', 'F4.3'],
  },
  {
    node: 'sap-nhap-tinh-bac-ninh',
    on: TODAY,
    must: [['01/7/2025', '1/7/2025'], ['Bắc Giang'], ['4.718,6'], ['3.619.433'], ['99'], ['66 xã'], ['33 phường']],
    mustNot: ABOLISHED,
    facts: ['F4.6', 'F4.7'],
  },
  {
    // F5.1 and F5.3 are [1]; F5.2 is [?]
    node: 'xa-luc-nam-moi',
    on: TODAY,
    must: [ATTRIBUTED, ['58,91'], ['58.050'], ['Hoàng Quốc Thịnh'], ['Đồi Ngô'], NOT_SURE],
    mustNot: ['UBND huyện', 'lên huyện'],
    facts: ['F5.1', 'F5.2', 'F5.3'],
  },
  {
    node: 'phong-ldtbxh-huyen-cu',
    on: TODAY,
    must: [['thôi hoạt động', 'không còn'], ['01/7/2025', '1/7/2025'], COMMUNE, AGRI_DEPT],
    mustNot: ['UBND huyện', '0204', 'số điện thoại của phòng là'],
    facts: ['F5.6', 'F4.4'],
  },
  {
    node: 'chuong-trinh-2021-2025',
    on: TODAY,
    must: [['90/QĐ-TTg'], ['18/01/2022', '18/1/2022'], ['24/2021/QH15'], ['75.000 tỷ'], ['48.000 tỷ'], ['7 dự án'], ['đã kết thúc'], ['2026–2035', '2026-2035']],
    mustNot: ABOLISHED,
    facts: ['F3.25', 'F3.27', 'F4.8'],
  },
  {
    node: 'muc-tieu-chuong-trinh',
    on: TODAY,
    must: [['1–1,5%', '1-1,5%'], ['trên 3%'], ['30%'], ['một nửa']],
    mustNot: ABOLISHED,
    facts: ['F3.26', 'F4.8'],
  },
  {
    node: 'bay-du-an',
    on: TODAY,
    must: [['7 dự án'], ['sinh kế'], ['dinh dưỡng'], ['giáo dục nghề nghiệp'], ['nhà ở'], ['truyền thông'], ['giám sát']],
    mustNot: ABOLISHED,
    facts: ['F3.27'],
  },
  {
    node: 'du-an-dinh-duong',
    on: TODAY,
    must: [['dưới 16 tuổi'], ['mới thoát nghèo'], ['đã kết thúc'], NOT_SURE, COMMUNE],
    mustNot: ABOLISHED,
    facts: ['F3.27'],
  },
  {
    // F4.8: the resolution number is [?]; the ministry "trình" (not "chủ trì")
    node: 'chuong-trinh-2026-2035',
    on: TODAY,
    must: [['11/12/2025'], ['2026–2035', '2026-2035'], ['2026–2030', '2026-2030'], ['423.000 tỷ'], ['1–1,5%', '1-1,5%'], ['100% xã nghèo'], ['trình']],
    mustNot: [...ABOLISHED, 'chủ trì'],
    facts: ['F4.8'],
  },
  {
    node: 'phong-trao-vi-nguoi-ngheo',
    on: TODAY,
    must: [['666/QĐ-TTg'], ['02/6/2022', '2/6/2022'], ['2016–2020', '2016-2020'], ['Vì một Việt Nam không còn đói nghèo']],
    mustNot: ABOLISHED,
    facts: ['F3.28'],
  },
  {
    // F1.12, F5.4, F5.5 are [1]
    node: 'ket-qua-giam-ngheo',
    on: TODAY,
    must: [ATTRIBUTED, ['4,03%'], ['3,49%'], ['888'], ['517'], ['1,73%'], ['31/10/2024'], NOT_SURE],
    mustNot: ['UBND huyện', 'Bộ Lao động'],
    facts: ['F1.12', 'F5.4', 'F5.5'],
  },
  {
    // F0.2: Chỉ thị 05-CT/TW and the provincial plans are [?]
    node: 'ke-hoach-truyen-thong-luc-nam',
    on: TODAY,
    must: [['2022'], ['90/QĐ-TTg'], ['Chỉ thị 05'], NOT_SURE, ['đã thôi hoạt động'], COMMUNE],
    mustNot: ['UBND huyện Lục Nam ban hành', 'lên huyện'],
    facts: ['F3.25', 'F3.28'],
  },
  {
    node: 'chung-tay-giup-nguoi-ngheo',
    on: TODAY,
    must: [['Mặt trận Tổ quốc'], COMMUNE, ['trưởng thôn'], ['biên nhận', 'kênh chính thức']],
    mustNot: ABOLISHED,
    facts: ['F3.28'],
  },

  // ---------------------------------------------------------------- smalltalk.yaml — safety (§7)
  {
    node: 'thieu-an-khan-cap',
    on: TODAY,
    must: [['trưởng thôn'], COMMUNE, ['115'], ['Tôi đã báo cho cán bộ xã']],
    mustNot: OTHER_HOTLINES,
    facts: ['F7.4', 'F3.21', 'F7.2'],
  },
  {
    node: 'tre-em-nguy-hiem',
    on: TODAY,
    must: [['111'], ['113'], ['115'], ['Tôi đã báo cho cán bộ xã']],
    mustNot: OTHER_HOTLINES,
    facts: ['F7.1', 'F7.2'],
  },
  {
    // F7.3: the domestic-violence hotline number is unverified and must not be given
    node: 'bao-luc-gia-dinh',
    on: TODAY,
    must: [['113'], ['công an xã'], COMMUNE, ['trưởng thôn'], ['Hội Liên hiệp Phụ nữ'], ['Tôi đã báo cho cán bộ xã'], ['111']],
    mustNot: OTHER_HOTLINES,
    facts: ['F7.3', 'F7.2'],
  },
  {
    // F7.5: no private hotline; 115 for immediate danger; hand-off
    node: 'y-dinh-tu-tu',
    on: TODAY,
    must: [['115'], ['người thân'], ['Tôi đã báo cho cán bộ xã']],
    mustNot: OTHER_HOTLINES,
    facts: ['F7.5'],
  },
  {
    node: 'khan-cap',
    on: TODAY,
    must: [['115'], ['114'], ['113'], ['Tôi đã báo cho cán bộ xã']],
    mustNot: OTHER_HOTLINES,
    facts: ['F7.2'],
  },
  {
    node: 'doi-tien-lam-ho-so',
    on: TODAY,
    must: [['không mất phí', 'miễn phí', 'không thu phí'], ['không nộp'], COMMUNE, ['công an xã']],
    mustNot: [...OTHER_HOTLINES, 'Tôi đã báo cho cán bộ xã'],
    facts: ['F7.6', 'F2.2'],
  },
  {
    node: 'canh-bao-lua-dao',
    on: TODAY,
    must: [['OTP'], ['mật khẩu'], ['113'], COMMUNE],
    mustNot: [...OTHER_HOTLINES, 'Tôi đã báo cho cán bộ xã'],
    facts: ['F7.6', 'F7.2'],
  },
  {
    node: 'thong-tin-ca-nhan',
    on: TODAY,
    must: [['không cung cấp'], ['niêm yết'], ['nhà văn hóa'], COMMUNE],
    mustNot: [...OTHER_HOTLINES, 'Tôi đã báo cho cán bộ xã'],
    facts: ['F2.5', 'F2.7'],
  },
];
