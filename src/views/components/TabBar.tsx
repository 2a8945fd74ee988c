// The tab titles with their jump keys. Narrow panes drop the brackets, then all titles but the open one.
import { Text } from 'ink';
import type { KeyBindings } from '../keys/keyBindings.js';
import { displayKey } from '../keys/keyBindings.js';
import type { TabId } from '../state/navigation.js';
import { useLang } from '../i18n.js';
import { useTheme } from '../theme.js';
import { TABS } from '../tabs/tabs.js';
import { widthOf } from './text.js';

export function tabTitles(active: TabId, bindings: KeyBindings, lang: 'zh' | 'en', width: number): Array<{ id: TabId; text: string }> {
  const key = (command: (typeof TABS)[number]['command']) => (bindings[command][0] ? displayKey(bindings[command][0]) : '');
  const styles: Array<(t: (typeof TABS)[number]) => string> = [
    (t) => `[${key(t.command)}] ${t[lang]}`,
    (t) => `${key(t.command)}${t[lang]}`,
    (t) => (t.id === active ? `${key(t.command)}${t[lang]}` : key(t.command)),
  ];
  for (const style of styles) {
    const titles = TABS.map((t) => ({ id: t.id, text: style(t) }));
    if (titles.reduce((sum, t) => sum + widthOf(t.text) + 1, 0) <= width) return titles;
  }
  return TABS.filter((t) => t.id === active).map((t) => ({ id: t.id, text: t[lang] }));
}

export function TabBar({ active, bindings, width, focused }: { active: TabId; bindings: KeyBindings; width: number; focused: boolean }) {
  const theme = useTheme();
  const lang = useLang();
  return (
    <Text wrap="truncate">
      {tabTitles(active, bindings, lang, width).map((t, i) => (
        <Text key={t.id}>
          {i > 0 ? ' ' : ''}
          <Text inverse={t.id === active} bold={t.id === active} color={t.id === active && focused ? theme.accent : t.id === active ? undefined : theme.dim}>
            {t.text}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
