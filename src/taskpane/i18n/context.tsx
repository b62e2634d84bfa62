/** The pane's language and its strings, for every component. */
import { createContext, useContext } from "react";
import { STRINGS, type Language, type Strings } from "../../i18n/pane";

export interface LanguageState {
  language: Language;
  strings: Strings;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({
  language: "en",
  strings: STRINGS.en,
  setLanguage: () => undefined,
});

export function useStrings(): LanguageState {
  return useContext(LanguageContext);
}
