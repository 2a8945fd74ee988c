// The detail pane's tabs: their titles and the keymap command that jumps to each.
import type { Command } from '../keys/keyBindings.js';
import type { TabId } from '../state/navigation.js';

export interface TabDef {
  id: TabId;
  zh: string;
  en: string;
  command: Command;
}

export const TABS: readonly TabDef[] = [
  { id: 'overview', zh: '概况', en: 'Overview', command: 'tabOverview' },
  { id: 'active', zh: '主动公开', en: 'Proactive', command: 'tabActive' },
  { id: 'applications', zh: '依申请', en: 'Requests', command: 'tabApplications' },
  { id: 'reviews', zh: '复议诉讼', en: 'Appeals', command: 'tabReviews' },
  { id: 'outcomes', zh: '办理结果', en: 'Outcomes', command: 'tabOutcomes' },
  { id: 'anomalies', zh: '异常', en: 'Anomalies', command: 'tabAnomalies' },
  { id: 'problems', zh: '问题文件', en: 'Problems', command: 'tabProblems' },
  { id: 'review', zh: '审阅', en: 'Review', command: 'tabReview' },
];

export const tabFor = (command: Command): TabDef | undefined => TABS.find((t) => t.command === command);
