// UI language. Strings live beside the component that shows them as `t('中文', 'English')`, so a
// translation can never drift from its original.
import { createContext, useContext } from 'react';
import type { Lang } from '../settings/settings.js';

export type { Lang };
export const LangContext = createContext<Lang>('zh');
export const useLang = (): Lang => useContext(LangContext);

/** Returns a translator for the current language. */
export function useT(): (zh: string, en: string) => string {
  const lang = useLang();
  return (zh, en) => (lang === 'zh' ? zh : en);
}
