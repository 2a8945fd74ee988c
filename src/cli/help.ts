// `xxgk --help`. Kept in English and Chinese side by side: a script author reads it once.
import { SETTINGS } from '../settings/registry.js';
import { THRESHOLD_FLAGS } from './args.js';

export function helpText(version: string): string {
  const thresholdLines = THRESHOLD_FLAGS.map((t) => {
    const def = SETTINGS.find((s) => s.key === t.setting)!;
    return `  --${t.flag.padEnd(22)} ${def.description} (setting ${t.setting}, default ${String(def.default)})`;
  }).join('\n');
  return `xxgk ${version} — explore and check 政府信息公开工作年度报告 (government information-disclosure annual reports)

Usage:
  xxgk [DIR] [options]          open DIR in the explorer (a terminal), or print it (a pipe)
  xxgk config get|set|list|path  read or change settings
  xxgk cache clear|path          empty the parse cache, or show where it is

DIR is a folder of reports (searched recursively). Without DIR the bundled sample corpus is used.

Selection:
  -q, --query TEXT        the explorer's search: name, pinyin (wlmq, wulumuqi), Traditional input,
                          a year (wlmq 2021), fzf syntax ('exact ^prefix suffix$ !not a|b)
  -y, --year Y|Y1..Y2     report year, or an inclusive range (2019..2023)
  -l, --level LIST        province, prefecture, county, district, department, unknown (comma-separated)
  -g, --format-gen LIST   2021, 2019, legacy (comma-separated)
  -a, --has-anomaly [X]   reports with any anomaly, with one at or above a severity (error, warning,
                          info), or with one rule (--has-anomaly=balance)

Output (one of; the default is the explorer on a terminal, else --summary):
  -j, --json              one JSON array of reports (docs/report.schema.json)
      --jsonl             one report per line, streamed while the folder is read
      --csv [long|wide]   long: file,jurisdiction,year,table,row,column,value — one figure a line;
                          wide: one row per report with the main totals
  -s, --summary           a plain table
      --stats             outcome breakdown (counts and shares per outcome group and applicant type,
                          by year); as a table, or with --json / --csv
  -o, --output FILE       write to FILE (atomically) instead of stdout (- is stdout); CSV files get a
                          UTF-8 BOM

Checks:
  -c, --check             list anomalies by report and a tally; exit 1 if any is at or above --fail-on
      --fail-on SEVERITY  error (default), warning or info; given alone, it also sets the exit code
                          of the other outputs
${thresholdLines}

Other:
      --lang zh|en        language of messages (default: setting "lang", else the locale)
      --no-color          no colour (also NO_COLOR=1, TERM=dumb, or any non-terminal output)
      --no-cache          parse every file afresh; neither read nor write the parse cache
  -h, --help              this help
  -V, --version           the version

Exit status: 0 ok · 1 anomalies at or above --fail-on, or nothing matched · 2 usage or I/O error · 130 interrupted

Examples:
  xxgk reports/                                   browse a folder
  xxgk reports/ --jsonl | jq -r 'select(.applications) | [.jurisdiction, .year, .applications.newReceived.total] | @tsv'
  xxgk reports/ -q 'wlmq 2021' --json > urumqi-2021.json
  xxgk reports/ --csv -o figures.csv              one figure a line, ready for a spreadsheet
  xxgk reports/ --csv wide --year 2019..2023 --level county
  xxgk reports/ --stats --year 2023
  xxgk reports/ --check --fail-on warning         in CI: fail the job on warnings or errors
  xxgk reports/ --has-anomaly late-publication --summary
  xxgk config set thresholds.correctionRate 0.3
`;
}
