// Which tabs show a table, and the table each builds for a report at a given width.
import type { Report } from '../../parse/model.js';
import type { Lang } from '../../settings/settings.js';
import type { TabId } from '../state/navigation.js';
import { activeTable, applicationsTable, reviewsTable, type TableData } from './tableData.js';

/** Full official labels of table 3 need this much room; narrower panes use the short labels. */
const FULL_LABEL_WIDTH = 130;

export function tableForTab(tab: TabId, report: Report, lang: Lang, width: number): TableData | null {
  switch (tab) {
    case 'applications':
      return report.applications || report.format !== 'legacy' ? applicationsTable(report, lang, width >= FULL_LABEL_WIDTH) : null;
    case 'reviews':
      return reviewsTable(report, lang);
    case 'active':
      return activeTable(report, lang);
    default:
      return null;
  }
}

export const isTableTab = (tab: TabId): boolean => tab === 'applications' || tab === 'reviews' || tab === 'active';
