// Anomaly counts by severity: `✖2 ▲1 ●3` — the symbol carries the severity when colour cannot.
import { Text } from 'ink';
import type { Anomaly, Severity } from '../../parse/model.js';
import { useTheme, type Theme } from '../theme.js';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function severityCounts(anomalies: readonly Anomaly[]): Array<{ severity: Severity; count: number }> {
  return ORDER.map((severity) => ({ severity, count: anomalies.filter((a) => a.severity === severity).length })).filter((c) => c.count > 0);
}

export function badgeText(anomalies: readonly Anomaly[], theme: Theme): string {
  return severityCounts(anomalies)
    .map((c) => `${theme.symbols[c.severity]}${c.count}`)
    .join(' ');
}

export function SeverityBadge({ anomalies }: { anomalies: readonly Anomaly[] }) {
  const theme = useTheme();
  const counts = severityCounts(anomalies);
  return (
    <>
      {counts.map((c, i) => (
        <Text key={c.severity} color={theme[c.severity]}>
          {(i > 0 ? ' ' : '') + theme.symbols[c.severity] + c.count}
        </Text>
      ))}
    </>
  );
}

export function SeveritySymbol({ severity }: { severity: Severity }) {
  const theme = useTheme();
  return <Text color={theme[severity]}>{theme.symbols[severity]}</Text>;
}
