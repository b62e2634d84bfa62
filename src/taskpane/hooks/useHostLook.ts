/**
 * The pane's language and theme: Office's display language and theme inside Office, the browser's
 * language and colour-scheme preference in the preview (following a change of the preference live).
 * The language switch in the pane overrides the host's language.
 */
import { useEffect, useMemo, useState } from "react";
import { hostLanguage } from "../i18n/language";
import { STRINGS, type Language } from "../../i18n/pane";
import type { LanguageState } from "../i18n/context";
import { hostIsDark } from "../theme";

export function useLanguage(inOffice: boolean): LanguageState {
  const [language, setLanguage] = useState<Language>(() => hostLanguage(inOffice));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return useMemo(() => ({ language, strings: STRINGS[language], setLanguage }), [language]);
}

export function useDarkTheme(inOffice: boolean): boolean {
  const [dark, setDark] = useState(() => hostIsDark(inOffice));
  useEffect(() => {
    if (inOffice || typeof matchMedia !== "function") return;
    const query = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setDark(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [inOffice]);
  return dark;
}
