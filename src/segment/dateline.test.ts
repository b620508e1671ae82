import { describe, expect, it } from 'vitest';
import { isDatelineOnly, splitDateline } from './dateline.ts';

describe('splitDateline', () => {
  it('should split 本报讯 with its credit from the text', () => {
    expect(splitDateline('本报讯(记者 杜兆云)9月3日, 吉林省中医药管理局')).toEqual({
      raw: '本报讯(记者 杜兆云)',
      rest: '9月3日, 吉林省中医药管理局',
      reporters: [{ name: '杜兆云', role: '记者', org: '本报' }],
    });
  });

  it('should read a news agency dateline with place, date and names without a role', () => {
    const m = splitDateline('新华社长春3月9日电(金津秀、张祉璇)连日来,东北气温持续回升');
    expect(m?.raw).toBe('新华社长春3月9日电(金津秀、张祉璇)');
    expect(m?.reporters.map((r) => r.name)).toEqual(['金津秀', '张祉璇']);
    expect(m?.reporters[0].org).toBe('新华社');
  });

  it('should read a dateline broken by a hard wrap and names glued to the role', () => {
    const m = splitDateline('本报1月18日讯(记\n者李婷 张添奥)今天下\n午,2026年');
    expect(m?.raw).toBe('本报1月18日讯(记\n者李婷 张添奥)');
    expect(m?.reporters.map((r) => r.name)).toEqual(['李婷', '张添奥']);
  });

  it('should take a bare 本报讯 and leave ordinary sentences alone', () => {
    expect(splitDateline('本报讯新春临近,万象更新。')?.raw).toBe('本报讯');
    expect(splitDateline('新华社记者了解到,当地')).toBeNull();
    expect(splitDateline('本报通讯员走访了多个村屯')).toBeNull();
    expect(splitDateline('据新华社报道,当天')).toBeNull();
  });

  it('should take 据新华社 before the text as a lead credit, and 据新华社报道 as a sentence', () => {
    expect(splitDateline('据新华社立春已过,气温渐渐回升。')?.raw).toBe('据新华社');
    expect(splitDateline('据新华社报道,当天')).toBeNull();
  });

  it('should read 消息 datelines of web outlets', () => {
    const m = splitDateline('国际在线吉林消息(蒋民)\n8月17日,"两岸媒体吉林行"');
    expect(m?.raw).toBe('国际在线吉林消息(蒋民)');
    expect(m?.reporters.map((r) => r.name)).toEqual(['蒋民']);
  });

  it('should know a dateline printed on a line of its own', () => {
    expect(isDatelineOnly('本报讯(记者 张伟国)')).toBe(true);
    expect(splitDateline('本报讯(记者 张伟国)')).toBeNull();
    expect(isDatelineOnly('本报讯(记者 张伟国)近日,省政府')).toBe(false);
  });
});
