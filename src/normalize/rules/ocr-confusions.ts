/**
 * Characters the OCR confuses with a look-alike (入→人, 进→讲, 通→诵, 县→具,
 * 今→令, 土→士, 乎→平), corrected inside common words only where the misread
 * form is not itself a Chinese word, so correct text never changes.
 */

/**
 * Misread word → printed word. Every key is a non-word in newspaper Chinese
 * and cannot arise across a word boundary (so not 人学: 个人学习).
 */
const WORDS: ReadonlyArray<readonly [string, string]> = [
  // 入 read as 人
  ['深人', '深入'], ['人冬以来', '入冬以来'], ['纯收人', '纯收入'], ['纳人', '纳入'], ['人驻', '入驻'], ['投人', '投入'], 
  ['融人', '融入'], ['列人', '列入'], 
  // 进 read as 讲
  ['讲行', '进行'], ['讲一步', '进一步'], ['推讲', '推进'], ['促讲', '促进'], ['先讲', '先进'], ['引讲', '引进'],
  ['讲展', '进展'], ['讲入', '进入'], ['改讲', '改进'], ['增讲', '增进'], ['讲口', '进口'], ['讲出口', '进出口'],
  ['讲驻', '进驻'], ['讲程', '进程'], ['迈讲', '迈进'],
  // 通 read as 诵
  ['诵过', '通过'], ['交诵', '交通'], ['诵知', '通知'], ['诵讯', '通讯'], ['诵关', '通关'], ['诵行', '通行'],
  ['诵风', '通风'], ['畅诵', '畅通'], ['开诵', '开通'], ['诵道', '通道'], ['沟诵', '沟通'], ['互联互诵', '互联互通'],
  ['普诵', '普通'], ['诵报', '通报'], ['贯诵', '贯通'], ['打诵', '打通'], ['融诵', '融通'],
  // 今 read as 令
  ['令年', '今年'], ['至令', '至今'], ['如令', '如今'], ['令天', '今天'], ['令冬', '今冬'], ['令春', '今春'],
  // 县 read as 具
  ['具委', '县委'], ['具城', '县城'], ['具域', '县域'], ['全具', '全县'], ['具级', '县级'],
  ['具里', '县里'], ['具政府', '县政府'], ['具乡', '县乡'], ['具区', '县区'],
  ['郭具', '郭县'], ['松具', '松县'], ['自治具', '自治县'],
  // others
  ['出士', '出土'], ['关平', '关乎'], ['似平', '似乎'], ['几平', '几乎'],
];

/** @returns `text` with known look-alike misreads corrected. */
export function ocrConfusions(text: string): string {
  let out = text;
  for (const [bad, good] of WORDS) if (out.includes(bad)) out = out.split(bad).join(good);
  return out;
}
