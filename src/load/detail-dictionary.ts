// A preset dictionary for deflating report details (entry.ts). Each detail is deflated alone, so on its own it pays
// in full for the text every detail repeats: the table keys (`"naturalPerson":null,"commercial":null,…` a hundred
// times), the section titles, the field names. Deflate may refer back into a dictionary it was given as if into text
// it had already seen, so a detail costs only what is its own. Measured on the 27 real and realistic test reports:
// about 30% smaller (test/load/detail-dictionary.test.ts), which at 100,000 reports is ~100 MB less memory.
//
// The dictionary is built from the data dictionary (table ids, section titles), never from any report, so no report
// compresses better for having been seen. Entries name the dictionary they were deflated with (DICTIONARY_ID, in
// the entry's first header field): an entry deflated with another one is never inflated with this one.
import { crc32 } from 'node:zlib';
import { SECTION_LABELS } from '../parse/checks/report-facts.js';
import { ACTIVE_ROWS, emptyApplicationTable, emptyReviewTable } from '../parse/dictionary.js';
import { NARRATIVE_IDS, SECTION_KEYS } from '../parse/model.js';

/** A skeleton of a detail, in the key order the parser writes: the sort of text every detail holds. */
function skeleton(): string {
  const zeros = (value: unknown): unknown =>
    value === null ? 0 : typeof value === 'object' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, zeros(v)])) : value;
  const active2019 = Object.fromEntries(ACTIVE_ROWS.map((row) => [row.id, Object.fromEntries(row.columns2019.map((c) => [c, 0]))]));
  const active2021 = Object.fromEntries(ACTIVE_ROWS.filter((row) => row.columns2021.length > 0).map((row) => [row.id, Object.fromEntries(row.columns2021.map((c) => [c, 0]))]));
  const narrative = Object.fromEntries(NARRATIVE_IDS.map((id) => [id, { value: 0, text: '', line: 0 }]));
  const sections = SECTION_KEYS.map((key, i) => ({ key, ordinal: i + 1, title: SECTION_LABELS[key].zh, line: 0, endLine: 0, firstLine: '', length: 0 }));
  // Earlier parts are further back, and cost more to refer to: the most repeated text (table 3's rows) comes last.
  return JSON.stringify([
    { diagnostics: [], textFlags: { templateLeftovers: [], periodYears: [], noFeeStatement: null, ratios: [] }, legacy: null, blankCells: [] },
    { narrative, narrativeMentions: NARRATIVE_IDS.map((id) => ({ value: 0, text: '', line: 0, id })) },
    { formatEvidence: { labels2019: false, labels2021: true, otherHasSubRows: true, cited: '2021' }, sections },
    { active: active2019 },
    { active: active2021 },
    { reviews: zeros(emptyReviewTable()) },
    { reviews: emptyReviewTable() },
    { applications: zeros(emptyApplicationTable()) },
    { applications: emptyApplicationTable() },
  ]);
}

export const DETAIL_DICTIONARY: Buffer = Buffer.from(skeleton());

/** Names the dictionary in entry headers: a change to it (a new table row, say) makes earlier entries unreadable. */
export const DICTIONARY_ID: string = crc32(DETAIL_DICTIONARY).toString(36);
