/**
 * Content fact table, part E (the 2026-12 hand re-read of topic files 03–09 and the answers of
 * smalltalk.yaml, docs/content-review-2026-12.md): one row per correction, written from
 * /work/shared/policy-facts.md (fact ids in `facts`), not from the YAML. Each row fails on the wording it
 * corrected: a sentence the fact sheet does not support, a [?] fact stated as certain, a [1] fact without
 * its attribution, or an answer stale on 1/1/2027.
 */
import { shown, type FactRow } from './fact-row.js';

const TODAY = '2026-12-07';
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
];
