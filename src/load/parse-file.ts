// One file's bytes → its cache entry: parse, per-report checks, content hash, encoding. Pure CPU work for the
// worker threads (and the main thread for the first few files); a load served from the cache never imports it.
import { checkSteps, groupByBody, inRegistryOrder, PER_BODY_RULE_IDS, runChecks } from '../parse/checks/index.js';
import { thresholdsKey, type Thresholds } from '../parse/checks/thresholds.js';
import { parseReport } from '../parse/index.js';
import { extractText, looksLikeReport, NO_TEXT_LAYER, sniffFormat, type Extracted } from '../parse/inputs/index.js';
import { decode } from '../parse/stages/decode.js';
import type { FoundFile } from './discover.js';
import { contentHash, encodeEntry, type ParsedFile } from './entry.js';
import { fileProblem } from './load.js';
import type { LoadItem } from './types.js';

// The main thread's checks (changed thresholds, the cross-report pass) come from this module too: it is loaded as one
// bundled file where one is built (parser-code.ts, parserModule), instead of the checks' own hundred-odd modules.
export { checkSteps, groupByBody, inRegistryOrder, PER_BODY_RULE_IDS, runChecks };

export interface ParseContext {
  parser: string;
  /** URL of the module to parse with (parser-code.ts, parserModule): this one, or its script bundle. */
  module: string;
  /** Where the script bundle's compiled code is kept between runs (null: nowhere; see cached-script.ts). */
  codeCacheDir: string | null;
  thresholds: Thresholds;
}

/**
 * The per-report anomalies are stored with the report, tagged with the thresholds' key. `readAt` is the clock just
 * before the bytes were read (entry.ts, isUnchanged).
 */
export async function parseFile(found: FoundFile, bytes: Uint8Array, readAt: number, context: ParseContext): Promise<ParsedFile> {
  const hash = contentHash(bytes); // before parsing: the bytes may be handed to a decoder that keeps views on them
  const item = await parseFoundBytes(found, bytes);
  if (item.kind === 'problem') return item;
  runChecks([item.report], context.thresholds, { crossReport: false });
  const { size, mtimeMs, ctimeMs, ino } = found;
  const header = { parser: context.parser, size, mtimeMs, ctimeMs, ino, readAt, hash, thresholds: thresholdsKey(context.thresholds) };
  return { kind: 'report', entry: encodeEntry(header, item.report) };
}

/** Bytes of a report file → a report, or the reason it is not one. Pure CPU work: runs on the worker threads. */
export async function parseFoundBytes(found: FoundFile, bytes: Uint8Array): Promise<LoadItem> {
  const problem = (code: string, message: string, messageZh: string): LoadItem => ({ kind: 'problem', problem: fileProblem(found, code, message, messageZh) });
  const format = sniffFormat(bytes, found.file);
  let extracted: Extracted;
  switch (format) {
    case 'empty':
      return problem('empty', 'empty file', '空文件');
    case 'binary':
      return problem('binary', 'binary data, not a text document', '二进制数据，不是文本文档');
    case 'zip':
      return problem('not-a-report', 'a zip archive (a spreadsheet or other Office file), not a Word document', '压缩包（表格或其他 Office 文件），不是 Word 文档');
    case 'ole':
      return problem('not-a-report', 'an old Office file that is not a Word document (a .xls spreadsheet?)', '不是 Word 文档的旧版 Office 文件（.xls 表格？）');
    case 'damaged':
      return problem('unreadable-format', `not a valid ${extensionOf(found.file)} file (damaged, or another format renamed)`, `不是有效的 ${extensionOf(found.file)} 文件（已损坏，或是改了扩展名的其他格式）`);
    case 'unknown':
      return problem('unsupported-format', 'unsupported file format', '不支持的文件格式');
    case 'txt':
      extracted = decode(bytes);
      break;
    default:
      try {
        extracted = await extractText(format, bytes);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        if (format === 'doc') {
          return problem('unreadable-format', `cannot read this .doc file (${why}); save it as .docx and load again`, `无法读取此 .doc 文件（${why}），请另存为 .docx 后重新加载`);
        }
        return problem('unreadable-format', `cannot read this ${format} file: ${why}`, `无法读取此 ${format} 文件：${why}`);
      }
  }
  const noText = extracted.diagnostics.find((d) => d.code === NO_TEXT_LAYER);
  if (noText) return problem(NO_TEXT_LAYER, noText.message, noText.messageZh);
  if (extracted.text.trim() === '') return problem('empty', 'no text in the file', '文件中没有文字');
  const report = parseReport({
    file: found.file,
    text: extracted.text,
    encoding: extracted.encoding,
    sourceFormat: format,
    diagnostics: extracted.diagnostics,
  });
  if (!looksLikeReport(report, extracted.text)) {
    return problem('not-a-report', 'does not look like an annual report (no sections, tables or report wording)', '看起来不是年度报告（没有章节、表格或年度报告字样）');
  }
  return { kind: 'report', report };
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? '' : file.slice(dot);
}
