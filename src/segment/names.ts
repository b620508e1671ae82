/**
 * Personal names run together: the charspace style and tight bylines print
 * "张政董博" for 张政 董博. Chinese names are two to four characters led by a
 * surname; a run is cut where every part starts with one.
 */

/** Common single-character surnames (the 百家姓 that cover nearly all of the population). */
const SURNAMES = new Set(Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴隆双'
));
export const DOUBLE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤'];

/** True when `name` starts with a surname. */
export function startsWithSurname(name: string): boolean {
  return SURNAMES.has(name[0]) || DOUBLE_SURNAMES.some((s) => name.startsWith(s));
}

/** The surname a name starts with: a double surname (欧阳), else its first character. */
export function surnameOf(name: string): string {
  return DOUBLE_SURNAMES.find((s) => name.startsWith(s)) ?? String.fromCodePoint(name.codePointAt(0) ?? 0x3f);
}

/**
 * Cut a run of Han characters into personal names.
 *
 * @param run E.g. "张政董博" or "李婷张添奥".
 * @returns The names ("张政", "董博"), or null when the run cannot be cut so that every part starts with a surname.
 */
export function splitNames(run: string): string[] | null {
  const cs = Array.from(run);
  // best[i]: the cut of cs[i..] into the fewest names, or null.
  const best: Array<string[] | null> = new Array(cs.length + 1).fill(null);
  best[cs.length] = [];
  for (let i = cs.length - 1; i >= 0; i--) {
    for (const len of [2, 3, 4]) {
      if (i + len > cs.length) break;
      const name = cs.slice(i, i + len).join('');
      if (len === 4 ? !DOUBLE_SURNAMES.some((s) => name.startsWith(s)) : !startsWithSurname(name)) continue;
      const rest = best[i + len];
      if (rest && (!best[i] || rest.length + 1 < best[i]!.length)) best[i] = [name, ...rest];
    }
  }
  return best[0];
}
