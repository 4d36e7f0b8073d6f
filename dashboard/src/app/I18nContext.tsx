import { createContext, useContext, useMemo } from 'react';
import { DEFAULT_LANG, translator, type Lang, type Translate } from './i18n';

export const LangContext = createContext<Lang>(DEFAULT_LANG);

/** The current language and its translate function. */
export function useI18n(): { lang: Lang; t: Translate } {
  const lang = useContext(LangContext);
  return useMemo(() => ({ lang, t: translator(lang) }), [lang]);
}
