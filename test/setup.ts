// Ink renders only the last frame when it believes it runs in CI; component tests need every frame.
delete process.env.CI;
// Tests never read or write the user's real settings.
process.env.XDG_CONFIG_HOME ??= `${process.env.TMPDIR ?? '/tmp'}/xxgk-test-config-${process.pid}`;
process.env.XDG_CACHE_HOME ??= `${process.env.TMPDIR ?? '/tmp'}/xxgk-test-cache-${process.pid}`;
