/** A pane component rendered to HTML as the pane shows it in one of its languages (server-side, no browser). */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LanguageContext } from "../../src/taskpane/i18n/context";
import { STRINGS, type Language } from "../../src/i18n/pane";

export function renderInLanguage(language: Language, element: ReactElement): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={{ language, strings: STRINGS[language], setLanguage: () => undefined }}>
      {element}
    </LanguageContext.Provider>,
  );
}
