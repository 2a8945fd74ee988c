// End to end: the BUILT CLI in a real terminal (tmux), driven by keys, on the sample corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shippedCodeCacheFile } from '../../../src/load/cached-script.js';
import { buildWithoutShippedCode } from '../../cli/run.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sessions: string[] = [];

/**
 * A private tmux server for this file, kept up by one idle session from the first test to the last: on the shared
 * default server, killing a test's last session shut the server down while the next test was starting its own
 * ("server exited unexpectedly"), and another test run on the machine could do the same.
 */
const SOCKET = `xxgk-e2e-${process.pid}`;
function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}
const capture = (session: string) => tmux('capture-pane', '-p', '-t', session);
const keys = (session: string, ...k: string[]) => tmux('send-keys', '-t', session, ...k);

async function waitFor(session: string, test: (screen: string) => boolean, what: string, timeoutMs = 20000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < until) {
    screen = capture(session);
    if (test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
}

function startCli(width: number, height: number, folder = 'corpus/sample', home = mkdtempSync(path.join(tmpdir(), 'xxgk-e2e-')), build = repo): string {
  const session = `xxgk-e2e-${process.pid}-${width}x${height}-${sessions.length}`;
  sessions.push(session);
  const env = `LANG=zh_CN.UTF-8 XDG_CONFIG_HOME=${home}/config XDG_CACHE_HOME=${home}/cache PS1='PROMPT$ '`;
  const command = `cd ${build} && env ${env} node dist/cli/main.js ${folder}; echo XXGK-EXIT-$?; env PS1='PROMPT$ ' sh`;
  tmux('new', '-d', '-s', session, '-x', String(width), '-y', String(height), command);
  return session;
}

/** Starts the explorer on the sample corpus at 80×24, waits for its list, and quits with q. */
async function startAndQuitIn(home: string, build = repo): Promise<void> {
  const session = startCli(80, 24, 'corpus/sample', home, build);
  await waitFor(session, (s) => s.includes('[1] 报告') && /1\/5\s*$/m.test(s), 'the list of 5 reports');
  keys(session, 'q');
  await waitFor(session, (s) => s.includes('XXGK-EXIT-0') && s.includes('PROMPT$'), 'the shell prompt');
}
const startAndQuit = (home: string) => startAndQuitIn(home);

/** Private copies of the build (buildWithoutShippedCode), removed after the file's tests. */
const copies: string[] = [];

/** A folder of good, bad and hostile files: every format fixture, empty, binary, garbage, a broken link, escape sequences. */
function badFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-e2e-bad-'));
  for (const name of readdirSync(path.join(repo, 'test/fixtures/formats'))) copyFileSync(path.join(repo, 'test/fixtures/formats', name), path.join(dir, name));
  copyFileSync(path.join(repo, 'corpus/sample/000_81e12db4ab5ce8f0.txt'), path.join(dir, 'name\u001b[31mred\u001b]0;pwned\u0007.txt'));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(path.join(dir, 'garbage.pdf'), 'not a pdf at all');
  symlinkSync('/nonexistent/target', path.join(dir, 'broken-link.txt'));
  mkdirSync(path.join(dir, 'sub'));
  return dir;
}

/** Every line of the screen fits the terminal, measured in display columns. */
function expectFits(screen: string, width: number): void {
  for (const line of screen.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
}

// tmux is required, not optional: a missing tmux must fail loudly rather than pass by skipping (.ci/run installs it).
it('tmux is installed (apt-get install tmux)', () => {
  expect(hasTmux).toBe(true);
});

describe.runIf(hasTmux)('explorer in tmux', () => {
  // The built CLI and its bundles come from test/global-setup.ts.
  afterEach(() => {
    for (const s of sessions.splice(0)) spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', s]);
  });
  beforeAll(() => {
    tmux('new-session', '-d', '-s', 'keepalive', 'sleep 100000');
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
  });

  for (const [width, height] of [
    [80, 24],
    [200, 60],
  ] as const) {
    it(`${width}×${height}: lists, filters, switches tabs, shows table 3, quits to the prompt`, async () => {
      const session = startCli(width, height);
      let screen = await waitFor(session, (s) => s.includes('[1] 报告') && s.includes('新疆维吾尔自治区') && /1\/5\s*$/m.test(s), 'the list of 5 reports');
      expect(screen.split('\n').length).toBeLessThanOrEqual(height + 1);
      expectFits(screen, width);

      keys(session, '/');
      keys(session, '-l', '沙依巴克');
      // The search module loads just after the first frame, so a query typed at once filters a moment later.
      screen = await waitFor(session, (s) => s.includes('/ 沙依巴克') && /1\/1 \(5\)\s*$/m.test(s), 'the search box and its one match');
      expect(screen).toContain('沙依巴克区人民政府');
      expect(screen).not.toContain('新疆维吾尔自治区');
      keys(session, 'Escape');
      screen = await waitFor(session, (s) => !s.includes('/ 沙依巴克') && s.includes('新疆维吾尔自治区'), 'the filter to be cancelled');

      keys(session, 'Tab');
      screen = await waitFor(session, (s) => /› 主动/.test(s) && s.includes('本年制发件数'), 'the second tab (table 2)');

      keys(session, '4');
      screen = await waitFor(session, (s) => /› 依申/.test(s) && s.includes('本年新收'), 'table 3');
      // Short labels at 80 columns, the official ones (一、本年新收政府信息公开申请数量) when there is room.
      expect(screen).toMatch(/本年新收[^\n]*?\s532\s+147\s+0\s+2\s+7\s+15\s+703/);
      if (width >= 200) expect(screen).toContain('一、本年新收政府信息公开申请数量');
      expectFits(screen, width);

      keys(session, 'q');
      screen = await waitFor(session, (s) => s.includes('XXGK-EXIT-0') && s.includes('PROMPT$'), 'the shell prompt');
      // The alternate screen is gone: none of the explorer is left on the terminal.
      expect(screen).not.toContain('[1] 报告');
    });
  }

  it('reviewer mode: R opens the queue, c confirms, and the decision is still there after a restart', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'xxgk-e2e-review-'));
    let session = startCli(80, 24, 'corpus/sample', home);
    await waitFor(session, (s) => s.includes('[1] 报告') && /1\/5\s*$/m.test(s), 'the list of 5 reports');
    keys(session, 'R');
    let screen = await waitFor(session, (s) => /审阅队列 1\/\d+/.test(s), 'the review queue');
    expectFits(screen, 80);
    expect(screen).toMatch(/已决定 0/);
    keys(session, 'c');
    screen = await waitFor(session, (s) => /审阅队列 2\/\d+/.test(s) && /已决定 1/.test(s), 'the decision and the cursor on the next one');
    expect(screen).toMatch(/✔/);
    keys(session, 'q');
    await waitFor(session, (s) => s.includes('XXGK-EXIT-0') && s.includes('PROMPT$'), 'the shell prompt');

    session = startCli(80, 24, 'corpus/sample', home);
    await waitFor(session, (s) => s.includes('[1] 报告') && /1\/5\s*$/m.test(s), 'the explorer again');
    keys(session, '9');
    screen = await waitFor(session, (s) => /审阅队列 1\/\d+/.test(s), 'the review queue after the restart');
    expect(screen).toMatch(/已决定 1/);
    expect(screen).toMatch(/✔/);
    keys(session, 'q');
    await waitFor(session, (s) => s.includes('XXGK-EXIT-0') && s.includes('PROMPT$'), 'the shell prompt');
  });

  it('starts from the compiled code the build left beside the explorer: a first start writes none of its own', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'xxgk-e2e-shipped-'));
    const script = path.join(repo, 'dist/views/explorer.script.js');
    expect(existsSync(shippedCodeCacheFile(script, readFileSync(script, 'utf8')))).toBe(true);
    await startAndQuit(home);
    // Without that code, a first start writes the explorer's (the next test): none here shows it was used.
    const codeDir = path.join(home, 'cache/xxgk/code');
    expect(existsSync(codeDir) ? readdirSync(codeDir).filter((n) => n.startsWith('explorer.')) : []).toEqual([]);
  });

  it('keeps V8\'s compiled code of the explorer: the next start uses it as it is, a damaged one is replaced (a build without shipped code)', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'xxgk-e2e-code-'));
    const codeDir = path.join(home, 'cache/xxgk/code');
    const build = buildWithoutShippedCode('e2e-code-');
    copies.push(build);
    const startAndQuit = () => startAndQuitIn(home, build);
    await startAndQuit();
    const explorerFiles = () => readdirSync(codeDir).filter((n) => n.startsWith('explorer.'));
    const [name, ...others] = explorerFiles();
    expect(others).toEqual([]);
    expect(name).toMatch(/^explorer\.script-[0-9a-f]{16}\.v8$/);
    const file = path.join(codeDir, name!);
    const written = statSync(file);
    await startAndQuit();
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs); // used, not made again

    const damaged = readFileSync(file);
    damaged[damaged.length >> 1]! ^= 0xff;
    writeFileSync(file, damaged);
    await startAndQuit(); // compiled from the text, as without a cache; V8 never sees the damaged bytes
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(explorerFiles()).toEqual([name]);
  });

  it('Ctrl-C quits at once, even while typing a search, and restores the screen', async () => {
    const session = startCli(100, 30);
    // Waits for the whole folder: quitting while the worker pool still parses is a separate case (see docs/readme/tui.md).
    await waitFor(session, (s) => s.includes('[1] 报告') && /1\/5\s*$/m.test(s), 'the explorer with the folder loaded');
    keys(session, '/');
    keys(session, '-l', 'abc');
    await waitFor(session, (s) => s.includes('/ abc'), 'the search box');
    keys(session, 'C-c');
    const screen = await waitFor(session, (s) => s.includes('XXGK-EXIT-') && s.includes('PROMPT$'), 'the shell prompt').catch((err: Error) => {
      throw new Error(`${err.message}\nprocesses:\n${execFileSync('ps', ['-ef'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('dist/cli/main.js corpus/sample')).join('\n')}`);
    });
    expect(screen).not.toContain('[1] 报告');
  });

  it('a folder of bad files: lists each problem with its reason, shows no escape sequence, survives a resize', async () => {
    const session = startCli(120, 40, badFolder());
    let screen = await waitFor(session, (s) => s.includes('[1] 报告') && /1\/9\s*$/m.test(s) && !s.includes('读取中'), 'the nine readable reports');
    keys(session, '8');
    screen = await waitFor(session, (s) => /› 问题文件/.test(s) && s.includes('broken-link.txt'), 'the problems tab');
    expect(screen).toMatch(/empty\.txt 空文件/);
    expect(screen).toMatch(/binary\.txt 二进制数据/);
    expect(screen).toMatch(/garbage\.pdf 不是有效的 \.pdf 文件/);
    expect(screen).toMatch(/broken-link\.txt 找不到/);
    expectFits(screen, 120);
    // The report read from the file with escape sequences in its name: the name shows, the sequences do not.
    const raw = tmux('capture-pane', '-p', '-e', '-t', session);
    expect(raw).not.toMatch(/\u001b\]|\u0007/);
    // Shrink below the minimum and grow again: the message, then the whole frame at the new size.
    tmux('resize-window', '-t', session, '-x', '50', '-y', '12');
    await waitFor(session, (s) => s.includes('终端太小（50×12）'), 'the too-small message');
    tmux('resize-window', '-t', session, '-x', '140', '-y', '30');
    // Waits for the whole frame at the new size, not just its text: on a busy machine a capture can land mid-redraw,
    // with some lines still at the old width. A frame that never fills the new width times out here.
    const wholeFrame = (s: string) => s.split('\n').slice(0, 29).every((line) => stringWidth(line) === 140);
    screen = await waitFor(session, (s) => s.includes('[1] 报告') && s.includes('问题文件') && wholeFrame(s), 'the whole explorer at 140×30');
    const lines = screen.split('\n').slice(0, 29);
    for (const line of lines) expect(stringWidth(line), line).toBe(140);
    expect(screen).not.toContain('终端太小');
    keys(session, 'q');
    await waitFor(session, (s) => s.includes('XXGK-EXIT-0') && s.includes('PROMPT$'), 'the shell prompt');
  });
});
