import { describe, expect, it } from 'vitest';
import { splitNames } from './names.ts';

describe('splitNames', () => {
  it('should cut names that the OCR ran together where each part starts with a surname', () => {
    expect(splitNames('张政董博')).toEqual(['张政', '董博']);
    expect(splitNames('李婷张添奥')).toEqual(['李婷', '张添奥']);
    expect(splitNames('金津秀张祉璇')).toEqual(['金津秀', '张祉璇']);
    expect(splitNames('欧阳晓明')).toEqual(['欧阳晓明']);
  });

  it('should refuse a run that is not names', () => {
    expect(splitNames('手记')).toBeNull();
    expect(splitNames('张')).toBeNull();
  });
});
