/**
 * Which language the pane speaks: Office's display language inside Office, the browser's language in the
 * preview; the pane's switch overrides either. Every Chinese locale gets the Simplified Chinese strings
 * (the only Chinese the pane has), everything else English.
 */
import { languageOf, type Language } from "../../engine/text/language";

export { languageOf };

/** The language of the host: Office.context.displayLanguage, or navigator.language outside Office. */
export function hostLanguage(inOffice: boolean): Language {
  if (inOffice && typeof Office !== "undefined") return languageOf(Office.context?.displayLanguage);
  return languageOf(typeof navigator === "undefined" ? undefined : navigator.language);
}
