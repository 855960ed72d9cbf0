import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../src/faq/content/load-content.js';

/**
 * The safety layer of content/smalltalk.yaml recognises the kinds of phrasing residents use to hint at a
 * danger, a fee demand or a request for someone else's data (without the obvious word: a beating told
 * as a story, a hidden bottle of pesticide, a "service fee" on Facebook), and leaves ordinary policy
 * questions that mention a neighbour, a village meeting or a form alone. Phrasings written for this
 * test, not taken from the evaluation sets.
 */
const content = loadContent(path.resolve('content'));
const snapshot = buildSnapshot(content, { now: () => Date.now() });
const AT = Date.parse('2026-12-07T12:00:00+07:00');

const SAFETY: [intent: 'emergency' | 'scam' | 'privacy', text: string][] = [
  // violence told as a story, no "đánh"
  ['emergency', 'tối qua chồng em ném cả bát đĩa vào người em, em phải ôm con ra ngoài ngõ ngủ'],
  ['emergency', 'ck e khoa cong ko cho me con e vao nha, e dang dung ngoai duong'],
  ['emergency', 'em không dám về nhà, về là bị chồng chửi bới rồi cầm gậy đuổi'],
  ['emergency', 'mặt em sưng hết, người toàn vết bầm mà không dám kể với ai'],
  ['emergency', 'chồng say rượu về là đập phá, rượt đuổi mẹ con em ra đồng'],
  // a child harmed by a step-relative or a neighbour
  ['emergency', 'ông dượng hay động chạm vào người con bé nhà em, em phải làm sao'],
  ['emergency', 'me ke cua chau hay bo doi chau, khong cho an com'],
  ['emergency', 'thằng cháu em bị bố dượng đánh bằng dây điện'],
  ['emergency', 'bác hàng xóm hay sờ mó con gái em 8 tuổi'],
  ['emergency', 'con gai em 13 tuoi bo nha di tu hom qua, nghe noi bi du len Ha Noi'],
  // despair, poison kept or hinted
  ['emergency', 'mẹ em giấu lọ thuốc chuột trong tủ, cứ nói chết quách cho xong'],
  ['emergency', 'em chán lắm, đã mua sẵn thuốc diệt cỏ rồi'],
  ['emergency', 'bố em bảo sống làm gì cho khổ con cháu, mấy hôm nay bỏ ăn'],
  ['emergency', 'e k sống nổi nữa rồi, nợ nhiều quá'],
  // an old neighbour without rice today
  ['emergency', 'ông cụ bên cạnh nhà em hôm nay không còn hạt gạo nào, ăn cháo trắng với muối mấy ngày rồi'],
  ['emergency', 'ba cu hang xom song mot minh, gao het sach roi, cho ba an gi bay gio'],
  // fees for paperwork, housing support, online "services"
  ['scam', 'có người trong nhóm zalo nhận làm hồ sơ vay vốn sinh viên, phí dịch vụ 2 triệu'],
  ['scam', 'trên facebook có trang nhận làm hồ sơ hộ nghèo lấy 500k'],
  ['scam', 'trưởng thôn bảo ai muốn được hỗ trợ làm nhà thì góp trước 3 triệu'],
  // other people's data: votes, forms, allowances, named lists
  ['privacy', 'ad cho em biết những ai bỏ phiếu không đồng ý nhà em'],
  ['privacy', 'ai là người tố cáo nhà em với xã vậy ad'],
  ['privacy', 'cho em xem phiếu khảo sát của nhà hàng xóm'],
  ['privacy', 'ad check giúp e anh rể e có đang nhận trợ cấp khuyết tật không'],
  ['privacy', 'cho em xin danh sách những ai có tên hộ nghèo thôn em'],
  ['privacy', 'ad oi cho e xin sdt ong Tuan thon Dong'],
  ['privacy', 'nhà ông Bình xóm dưới có được vào hộ nghèo năm nay không'],
];

const ORDINARY = [
  'hàng xóm nhà em được hộ nghèo, nhà em cũng khó khăn thì có được xét không',
  'họp thôn bình xét hộ nghèo thì ai chủ trì, bao nhiêu người đồng ý thì được',
  'phiếu A phiếu B là gì, rà soát viên hỏi những gì',
  'cho em xem mẫu phiếu khảo sát hộ gia đình',
  'con riêng của bố dượng em có được tính vào nhân khẩu không',
  'nhà em phun thuốc sâu cho lúa xong mới đi nộp đơn được không',
  'cho em hỏi ai quyết định công nhận hộ nghèo',
  'em muốn nhờ con gái làm hồ sơ hộ có được không',
  'chong em di lam xa den gio chua ve, nha em co duoc xet ho ngheo khong',
  'nhà em bị cháy hôm kia, mất hết giấy tờ, làm lại giấy chứng nhận thế nào',
  'nha em co ten trong danh sach ho can ngheo nam nay khong, xem o dau',
  'con em đóng học phí chậm có bị sao không',
  'nha em khong co nha ve sinh, co tinh la thieu chi so khong',
  'cho e hỏi bao giờ mới duyệt hồ sơ cận nghèo',
  'bão làm đổ tường nhà, hộ nghèo có được hỗ trợ sửa nhà không',
  'em muốn tố cáo cán bộ thôn làm sai thì gửi đơn ở đâu',
  'nhà ông Hùng trưởng thôn ở đâu để nộp đơn',
  'xin danh sách giấy tờ cần nộp khi làm hồ sơ hộ nghèo',
  'nhà em hết gạo ăn Tết, xã có cấp gạo không',
  'chồng em mất việc, nhà em sống không nổi với 2 triệu một tháng, có được cận nghèo không',
  'nhà em phải trốn nợ, có vay ngân hàng chính sách được không',
  'tháng trước con em bị ngã gãy tay, bhyt hộ cận nghèo được hưởng bao nhiêu',
];

const SAFETY_INTENTS = new Set(['emergency', 'scam', 'privacy']);

describe('the safety layer, by kind of phrasing', () => {
  it.each(SAFETY)('%s: %s', (intent, text) => {
    expect(snapshot.match(text, AT)).toMatchObject({ kind: 'smalltalk', intent });
  });

  it.each(ORDINARY.map((q) => [q]))('an ordinary question is not refused: %s', (text) => {
    const result = snapshot.match(text, AT);
    const intent = result.kind === 'smalltalk' ? result.intent : undefined;
    expect(SAFETY_INTENTS.has(intent ?? '')).toBe(false);
  });

  it('every safety reply names a contact from the fact sheet (§7) or the posted lists', () => {
    const safety = content.nodes
      .map((l) => l.node)
      .filter((n) => n.kind === 'smalltalk' && SAFETY_INTENTS.has(n.intent ?? ''));
    const lacking = safety.filter(
      (n) => !/111|113|114|115|UBND xã|công an xã|niêm yết/u.test(snapshot.answerAt(n, AT)?.text ?? ''),
    );
    expect(lacking.map((n) => n.id)).toEqual([]);
  });
});
