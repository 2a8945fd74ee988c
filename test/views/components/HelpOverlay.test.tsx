import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { HelpOverlay, helpLayout } from '../../../src/views/components/HelpOverlay.js';
import { LangContext } from '../../../src/views/i18n.js';
import { applyKeyOverrides, DEFAULT_KEY_BINDINGS } from '../../../src/views/keys/keyBindings.js';

describe('HelpOverlay', () => {
  it('lists every category with keys and descriptions from the keymap, within 80×23', () => {
    const { lastFrame } = render(<HelpOverlay bindings={DEFAULT_KEY_BINDINGS} width={80} height={23} />);
    const frame = lastFrame()!;
    for (const text of ['移动', '窗格与标签页', '操作', '审阅队列', '程序', '↑ k', '搜索报告', 'Ctrl-C', '立即退出']) expect(frame).toContain(text);
    expect(frame.split('\n')).toHaveLength(23);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('scrolls when shorter (80×16) so the last lines (程序, Ctrl-C) can be reached, and never past the end', () => {
    const layout = helpLayout(DEFAULT_KEY_BINDINGS, 'zh', 80, 16);
    expect(layout.maxTop).toBeGreaterThan(0);
    const first = render(<HelpOverlay bindings={DEFAULT_KEY_BINDINGS} width={80} height={16} />).lastFrame()!;
    expect(first).toContain(`j/k 滚动 1-${layout.bodyHeight}/`);
    const { lastFrame } = render(<HelpOverlay bindings={DEFAULT_KEY_BINDINGS} width={80} height={16} top={999} />);
    const frame = lastFrame()!;
    for (const text of ['程序', 'Ctrl-C', '立即退出', '审阅队列', '撤销上一个决定']) expect(frame).toContain(text);
    expect(frame).toContain(`${layout.maxTop + 1}-${layout.maxTop + layout.bodyHeight}/${layout.maxTop + layout.bodyHeight}`);
    expect(frame.split('\n')).toHaveLength(16);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('does not scroll when everything fits', () => {
    expect(helpLayout(DEFAULT_KEY_BINDINGS, 'zh', 200, 60).maxTop).toBe(0);
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
