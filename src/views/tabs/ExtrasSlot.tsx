// Panes built by tui-extras (charts/OutcomePane, review/AnomaliesPane), loaded when their module exists so
// the explorer works before they land; until then a placeholder says so.
import { Text } from 'ink';
import { useEffect, useState, type ComponentType } from 'react';
import { truncate } from '../components/text.js';
import { useT } from '../i18n.js';
import { useTheme } from '../theme.js';

type AnyProps = Record<string, unknown>;
const cache = new Map<string, ComponentType<AnyProps> | null>();

async function loadExport(modulePath: string, exportName: string): Promise<ComponentType<AnyProps> | null> {
  if (cache.has(modulePath)) return cache.get(modulePath)!;
  let component: ComponentType<AnyProps> | null = null;
  try {
    // A computed specifier: the module may not exist yet, and then the placeholder shows.
    const mod = (await import(/* @vite-ignore */ new URL(modulePath, import.meta.url).href)) as Record<string, unknown>;
    const candidate = mod[exportName] ?? mod.default;
    component = typeof candidate === 'function' ? (candidate as ComponentType<AnyProps>) : null;
  } catch {
    component = null;
  }
  cache.set(modulePath, component);
  return component;
}

export function useExtrasComponent(modulePath: string, exportName: string): ComponentType<AnyProps> | null | undefined {
  const [component, setComponent] = useState<ComponentType<AnyProps> | null | undefined>(() => cache.get(modulePath));
  useEffect(() => {
    let live = true;
    void loadExport(modulePath, exportName).then((c) => live && setComponent(() => c));
    return () => {
      live = false;
    };
  }, [modulePath, exportName]);
  return component;
}

export function ExtrasSlot({ modulePath, exportName, props, width, what }: { modulePath: string; exportName: string; props: AnyProps; width: number; what: { zh: string; en: string } }) {
  const Component = useExtrasComponent(modulePath, exportName);
  const theme = useTheme();
  const t = useT();
  if (Component === undefined) return <Text color={theme.dim}>…</Text>;
  if (Component === null) {
    return (
      <Text color={theme.dim} wrap="truncate">
        {truncate(t(`${what.zh}视图尚未提供（${modulePath}）`, `The ${what.en} view is not available yet (${modulePath})`), width)}
      </Text>
    );
  }
  return <Component {...props} />;
}
