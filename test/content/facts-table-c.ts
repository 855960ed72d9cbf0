/**
 * Content fact table, part C (the fact-coverage sweep, docs/fact-coverage.md): a fact residents ask
 * about together with the subject of a sibling node, stated in that sibling's answer text itself (the
 * reply shows the answer, not its details). Figures come from /work/shared/policy-facts.md (fact ids in
 * `facts`), not from the YAML; [1] facts are checked for their date or attribution, [?] facts for the
 * hedge.
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
const NEXT_YEAR = '2027-01-15';
/** F3.11 [1]: the rates as published in 2018 */
const RATES = [['6,6%'], ['7,92%'], ['năm 2018'], ['có thể đã điều chỉnh']];
/** F3.13 [1]: the cap for poor households */
const CAP = ['100 triệu'];
/** F3.23 [1]: the monthly allowance by degree, attributed */
const DISABILITY_ALLOWANCE = [['750.000'], ['1.000.000'], ['theo thông tin đã công bố']];

export const FACTS_TABLE_C: FactRow[] = [
  // 05 — a loan question asks the cap and the rate along with the procedure, collateral or hardship
  shown('vay-von-the-chap', TODAY, ['F3.11', 'F3.13'], [CAP, ...RATES]),
  shown('thu-tuc-vay-von', TODAY, ['F3.11', 'F3.13'], [CAP, ...RATES]),
  shown('vay-von-gap-rui-ro', TODAY, ['F3.11'], RATES),
  shown('vay-von-sinh-vien', TODAY, ['F3.10', 'F2.5'], [['4.000.000'], ['giấy chứng nhận'], ['UBND xã']]),

  // 08 — "trợ cấp khuyết tật nặng bao nhiêu" lands on any disability node: each states the amounts
  shown('quyen-loi-nguoi-khuyet-tat', TODAY, ['F3.22', 'F3.23'], [...DISABILITY_ALLOWANCE, ['1.250.000']]),
  shown('ho-so-tro-cap-khuyet-tat', TODAY, ['F3.23'], DISABILITY_ALLOWANCE),
  shown('xac-dinh-muc-do-khuyet-tat', TODAY, ['F3.23'], [...DISABILITY_ALLOWANCE, ['1.250.000']]),

  // 01 — chuẩn nghèo: the detail asked next to the subject
  shown('chi-so-thieu-hut', TODAY, ['F1.5'], [['8 m'], ['6 tuổi'], ['chưa xác minh']]),
  shown('chuan-ngheo-cac-giai-doan', TODAY, ['F1.2'], [['15/3/2021'], ['700.000'], ['900.000']]),
  shown('chuan-ngheo-thu-nhap', TODAY, ['F1.1'], [['1.500.000'], ['2.000.000'], ['nông thôn hay thành thị']]),
  shown('chuan-ngheo-thu-nhap', NEXT_YEAR, ['F4.9'], [['2.200.000'], ['2.800.000'], ['nông thôn hay thành thị']], {
    mustNot: ['1.500.000'],
  }),

  // 02 — thoát nghèo: the form and the 15-day decision of the monthly review
  shown('thoat-ngheo', TODAY, ['F2.4', 'F2.9'], [['Mẫu số 04'], ['15 ngày']]),

  // 08 — "trợ cấp có tính vào thu nhập không" lands on the allowance: the narrow rule, the rest referred
  shown('tro-cap-nguoi-cao-tuoi', TODAY, ['F1.11'], [['không tính'], ['mức sống trung bình'], ['rà soát viên']]),

  // 03 — a BHYT question asks the benefit rate, the deprivation or the form next to the card
  shown('bhyt-can-ngheo', TODAY, ['F3.2', 'F3.5', 'F1.4', 'F1.7'], [['70%'], ['95%'], ['chưa xác minh'], ['dưới 3 chỉ số']], {
    mustNot: ['bị cắt cận nghèo'],
  }),
  shown('bhyt-thoat-ngheo', TODAY, ['F3.4', 'F2.4'], [['chưa có thông tin chắc chắn'], ['Mẫu số 04'], ['UBND xã']]),

  // 09 — results and places: the figure asked next to the subject, attributed
  shown('ket-qua-giam-ngheo', TODAY, ['F5.4', 'F5.5'], [['888'], ['53,7 tỷ'], ['2.804'], ['Bắc Giang cũ'], ['Theo số liệu đã công bố']]),
  shown('chuan-ngheo-bac-ninh', TODAY, ['F5.5'], [['53,7 tỷ'], ['31/10/2024'], ['Theo tin đã đăng']]),
  shown('xa-luc-nam-moi', TODAY, ['F5.1', 'F5.3'], [['180.000'], ['560 km'], ['Theo thông tin đã công bố']]),
  shown('chuan-ngheo-thu-nhap', TODAY, ['F1.8'], [['2.250.000'], ['3.000.000'], ['mức sống trung bình']]),

  // 04 — public-school tuition is free; other school charges are not tuition
  shown('hoc-phi-cong-lap', TODAY, ['F3.6'], [['miễn học phí'], ['ngoài học phí'], ['nhà trường']]),

  // 09 — provincial mapping (F4.3, [?] for Bắc Ninh): drug rehabilitation named in the answer
  shown('lien-he-cap-tinh', TODAY, ['F4.3'], [['Công an tỉnh'], ['theo phân công sau sắp xếp năm 2025'], ['hỏi UBND xã để biết nơi tiếp nhận']]),

  // a second fact asked in the same breath as the node's subject
  shown('nguoi-lao-dong-thu-nhap-thap', TODAY, ['F2.12'], [['rà soát cả người lao động thu nhập thấp']]),
  shown('ra-soat-thuong-xuyen', TODAY, ['F2.9'], [['15 ngày'], ['văn bản']]),
  shown('ra-soat-dinh-ky', TODAY, ['F2.1', 'F2.9'], [['14/12'], ['ngày 15'], ['15 ngày']]),
  shown('ai-xet-duyet-ho-ngheo', TODAY, ['F2.11', 'F4.5'], [['Quyết định 24/2021/QĐ-TTg'], ['967/QĐ-BNNMT'], ['UBND xã']]),
  shown('bhyt-ho-muc-song-trung-binh', TODAY, ['F3.3', 'F3.10'], [['30%'], ['4.000.000']]),
  shown('sap-nhap-tinh-bac-ninh', TODAY, ['F4.6', 'F4.4'], [['01/7/2025'], ['34 tỉnh'], ['3.321']]),
  shown('chuong-trinh-2026-2035', TODAY, ['F4.8', 'F4.9'], [['423.000 tỷ'], ['Năm 2026 vẫn áp dụng chuẩn nghèo 2022–2025']]),
  shown('chuan-ngheo-bac-ninh', NEXT_YEAR, ['F1.10', 'F5.5'], [['chính sách của tỉnh'], ['53,7 tỷ'], ['Theo tin đã đăng']], {
    mustNot: ['1.500.000'],
  }),
  shown('ra-soat-dinh-ky', NEXT_YEAR, ['F2.1', 'F2.9'], [['14/12'], ['ngày 15'], ['15 ngày'], ['có thể được cập nhật']], {
    mustNot: ['Phòng Lao động', 'UBND huyện'],
  }),

  // 2027 versions keep the 2025–2026 facts residents still ask about, dated
  shown('nguoi-lao-dong-thu-nhap-thap', NEXT_YEAR, ['F1.9', 'F2.12'], [['rà soát cả người lao động thu nhập thấp'], ['2.250.000']]),
  shown('chi-so-thieu-hut', NEXT_YEAR, ['F1.3'], [['12 chỉ số'], ['6 dịch vụ xã hội cơ bản']]),
  // (end of table)
];
