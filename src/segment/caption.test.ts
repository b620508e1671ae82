import { describe, expect, it } from 'vitest';
import { isCaption, isPhotoCredit } from './caption.ts';

describe('isCaption', () => {
  it('should recognise captions by their photo credit', () => {
    expect(isCaption('11月29日,2021吉林\n文化旅游周在长春市长影\n音乐厅开幕。图为开幕式\n上的文艺表演。记者 张\n秋磊 摄')).toBe(true);
    expect(isCaption('活动现场。摄影 王岩')).toBe(true);
    expect(isCaption('长春市委常委、常务副市长王路作主体发布。 入民网 李洋 摄')).toBe(true);
    expect(isCaption('2月14日,演员在迎宾表演\n中。当日,第九届亚洲冬季\n运动会闭幕式在哈尔滨举行。\n新华社记者陈益宸摄')).toBe(true);
  });

  it('should recognise a bare name credit and a supplied photo', () => {
    expect(isCaption('"两岸媒体吉林行"采访团成员\n参观万良长白山人参市场商户\n直播卖货。蒋民 摄')).toBe(true);
    expect(isCaption('德惠市一家农机专业合作社内,整 修一新的农机整装待发。(德惠市 委宣传部供图)')).toBe(true);
    expect(isCaption('他说:"我们一起去拍摄。"')).toBe(false);
    expect(isCaption('游客在景区赏雪。(图片由景区提供)')).toBe(true);
    expect(isCaption('市民排起长队。本报记者 王岩/摄')).toBe(true);
    expect(isCaption('全年增长5%(数据由省统计局提供)')).toBe(false);
  });

  it('should recognise a short paragraph that opens with 图为', () => {
    expect(isCaption('图为工人在车间里忙碌。')).toBe(true);
  });

  it('should not take body text for a caption', () => {
    expect(isCaption('记者在现场看到,工人们正在拍摄宣传片。')).toBe(false);
    expect(isCaption('他说,摄影是他最大的爱好。')).toBe(false);
  });
});

describe('isPhotoCredit', () => {
  it('should recognise a credit line on its own', () => {
    expect(isPhotoCredit('本报记者 张三 摄')).toBe(true);
    expect(isPhotoCredit('新华社记者 陈益宸 摄')).toBe(true);
    expect(isPhotoCredit('吉林日报记者 张伟国 代黎黎')).toBe(false);
  });
});
