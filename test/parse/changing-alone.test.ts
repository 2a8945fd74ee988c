import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changingAloneModule } from '../../scripts/gen-changing-alone.js';
import { detectScript } from '../../src/parse/stages/normalize.js';

describe('the generated list of characters tw→cn changes alone', () => {
  it('is what opencc-js gives today (rerun scripts/gen-changing-alone.ts after an upgrade)', () => {
    const committed = readFileSync(new URL('../../src/parse/stages/changing-alone.ts', import.meta.url), 'utf8');
    expect(committed).toBe(changingAloneModule());
  });

  it('decides the script of Traditional and Simplified text', () => {
    expect(detectScript('本機關依據《政府資訊公開條例》處理申請，並於規定時間內答覆。')).toBe('traditional');
    expect(detectScript('本机关依据《政府信息公开条例》处理申请，并于规定时间内答复。')).toBe('simplified');
  });
});
