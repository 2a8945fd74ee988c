import type { Diagnostic, Severity } from './model.js';

/** Builds a diagnostic; every stage reports problems through this instead of throwing. */
export function diagnostic(
  code: string,
  severity: Severity,
  line: number | null,
  message: string,
  messageZh: string,
): Diagnostic {
  return { code, severity, line, message, messageZh };
}
