// Terminal safety: report text never reaches a terminal with control or escape sequences intact.
// Used by normalize (so the model never holds them) and again by every view and text printer.

// CSI (ESC [ … final), OSC (ESC ] … BEL/ST), other two-byte ESC sequences, C1 controls (CSI 0x9b, OSC 0x9d…),
// C0 controls except tab and newline, DEL, and bidi overrides that can reorder what a reader sees.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Every escape sequence above starts with a character CONTROL removes: text without one is returned as it is,
// without two passes over it (normalize runs this on every report's whole text).
const ANY_CONTROL = new RegExp(CONTROL.source);

/** Removes escape sequences and control characters; keeps tab and newline. */
export function stripControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** For one-line display: also folds tabs and newlines into spaces. */
export function sanitizeInline(text: string): string {
  return stripControls(text).replace(/[\t\n]+/g, ' ');
}
