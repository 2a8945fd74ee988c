// n / N: the next anomaly in the selected report, then on into the next report that has any.
import type { Anomaly, Report } from '../parse/model.js';

export interface AnomalyStep {
  reportIndex: number;
  anomalyIndex: number;
  anomaly: Anomaly;
}

export function stepAnomaly(reports: readonly Report[], reportIndex: number, anomalyIndex: number, direction: 1 | -1): AnomalyStep | null {
  const within = anomalyIndex + direction;
  const current = reports[reportIndex];
  if (current && within >= 0 && within < current.anomalies.length) return { reportIndex, anomalyIndex: within, anomaly: current.anomalies[within]! };
  for (let step = 1; step <= reports.length; step++) {
    const i = (reportIndex + direction * step + reports.length * step) % reports.length;
    const r = reports[i]!;
    if (r.anomalies.length === 0) continue;
    const a = direction === 1 ? 0 : r.anomalies.length - 1;
    return { reportIndex: i, anomalyIndex: a, anomaly: r.anomalies[a]! };
  }
  return null;
}
