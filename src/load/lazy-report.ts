// A report built from a cache entry's summary, whose detail fields (tables, sections, narrative, diagnostics…)
// stay deflated until something reads one of them. A warm load of a big folder then parses only the summaries, and
// keeps each detail as ~3 KB of bytes instead of ~5 KB of objects. The few figures and signatures the cross-report
// checks compare are kept beside it (entry.ts, facts), so checking the folder leaves the details deflated.
//
// The detail fields are own, enumerable accessors in the report's own key order, so the report is an ordinary
// object to every consumer: JSON.stringify, spread and equality see the same fields as a parsed report's. The first
// read or write of any of them inflates the detail and turns all of them into plain data properties.
import type { CorpusFacts } from '../parse/checks/corpus-facts.js';
import type { Report } from '../parse/model.js';
import { compactDetail, compactSummary } from './compact.js';
import { DETAIL_KEYS, entrySummary, keptDetail, keptFacts, keptPart, type DetailKey, type Entry } from './entry.js';

const DETAIL = Symbol('xxgk.detail');
type LazyReport = Report & { [DETAIL]?: Uint8Array };

/** What a detail field holds when the detail cannot be inflated (never expected: the entry's CRC covers it). */
function emptyDetail(): Pick<Report, Exclude<DetailKey, 'textFlags'>> {
  return {
    formatEvidence: { labels2019: false, labels2021: false, otherHasSubRows: null, cited: null },
    sections: [],
    active: null,
    applications: null,
    reviews: null,
    narrative: {},
    narrativeMentions: [],
    legacy: null,
    blankCells: [],
    diagnostics: [
      { code: 'cache-damaged', severity: 'error', line: null, message: 'the cached details of this report could not be read; clear the cache (xxgk cache clear) and load again', messageZh: '缓存中此报告的详细内容无法读取，请清除缓存（xxgk cache clear）后重新加载' },
    ],
  };
}

function materialize(report: LazyReport): void {
  const bytes = report[DETAIL];
  report[DETAIL] = undefined;
  let detail: Partial<Report>;
  try {
    if (!bytes) throw new Error('no detail');
    detail = keptDetail(bytes);
    compactDetail(detail);
  } catch {
    detail = emptyDetail();
  }
  for (const key of DETAIL_KEYS) {
    if (!Object.getOwnPropertyDescriptor(report, key)?.get) continue;
    // Redefining an existing key keeps its place in the key order.
    Object.defineProperty(report, key, { value: detail[key], writable: true, enumerable: true, configurable: true });
  }
}

/** Descriptor maps by the set of detail keys an entry holds (a bit per key; in practice one or two sets). */
const descriptors = new Map<number, PropertyDescriptorMap>();

function descriptorsFor(mask: number): PropertyDescriptorMap {
  let map = descriptors.get(mask);
  if (!map) {
    map = {};
    DETAIL_KEYS.forEach((key, bit) => {
      if (!(mask & (1 << bit))) return;
      map![key] = {
        enumerable: true,
        configurable: true,
        get(this: LazyReport) {
          materialize(this);
          return this[key];
        },
        set(this: LazyReport, value: unknown) {
          materialize(this);
          (this as unknown as Record<string, unknown>)[key] = value;
        },
      };
    });
    descriptors.set(mask, map);
  }
  return map;
}

/** The report an entry holds, its detail left deflated until read. Throws only on an entry never written so. */
export function entryReport(entry: Entry): Report {
  const summary = compactSummary(entrySummary(entry)) as unknown as Record<string, unknown>;
  let mask = 0;
  for (let bit = 0; bit < DETAIL_KEYS.length; bit++) if (summary[DETAIL_KEYS[bit]!] === 0) mask |= 1 << bit;
  if (mask === 0) return summary as unknown as Report;
  // A new object, its properties added in the summary's order: reports of one shape then share V8's hidden classes
  // (and, with them, the accessor pairs). Turning the parsed object's data properties into accessors instead would
  // make every report a dictionary-mode object: ~1.6 KB more each, 160 MB at 100,000 reports.
  const descriptors = descriptorsFor(mask);
  const report = {} as Record<string, unknown>;
  for (const key in summary) {
    const accessor = descriptors[key];
    if (accessor) Object.defineProperty(report, key, accessor);
    else report[key] = summary[key];
  }
  Object.defineProperty(report, DETAIL, { value: keptPart(entry), writable: true, enumerable: false, configurable: true });
  return report as unknown as Report;
}

/**
 * The cross-report facts of a report whose detail is still deflated (undefined otherwise, or when they cannot be read:
 * the checks then read the report itself), for the checks' `storedFacts`.
 */
export function storedCorpusFacts(report: Report): CorpusFacts | undefined {
  const kept = (report as LazyReport)[DETAIL];
  if (!kept) return undefined;
  try {
    return keptFacts(kept);
  } catch {
    return undefined;
  }
}

/** Bytes of memory the report's deflated detail and facts keep alive (0 once inflated), for tests and memory accounting. */
export function heldBytes(report: Report): number {
  return (report as LazyReport)[DETAIL]?.buffer.byteLength ?? 0;
}

/** True while the report's detail is still deflated (for tests and memory accounting). */
export function isDeflated(report: Report): boolean {
  return (report as LazyReport)[DETAIL] !== undefined;
}
