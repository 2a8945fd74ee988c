import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../../src/views/components/HelpOverlay.js';
import { LangContext } from '../../../src/views/i18n.js';
import { applyKeyOverrides, DEFAULT_KEY_BINDINGS } from '../../../src/views/keys/keyBindings.js';

describe('HelpOverlay', () => {
  it('lists every category with keys and descriptions from the keymap, within 80×23', () => {
    const { lastFrame } = render(<HelpOverlay bindings={DEFAULT_KEY_BINDINGS} width={80} height={23} />);
    const frame = lastFrame()!;
    for (const text of ['移动', '窗格与标签页', '操作', '程序', '↑ k', '搜索报告', 'Ctrl-C', '立即退出']) expect(frame).toContain(text);
    expect(frame.split('\n')).toHaveLength(23);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('shows the user’s bindings and speaks English when asked', () => {
    const { bindings } = applyKeyOverrides({ nextAnomaly: [']'] });
    const { lastFrame } = render(
      <LangContext.Provider value="en">
        <HelpOverlay bindings={bindings} width={120} height={30} />
      </LangContext.Provider>,
    );
    const frame = lastFrame()!;
    expect(frame).toMatch(/\]\s+Next anomaly/);
    expect(frame).toContain('Search reports');
  });
});
