/**
 * The user's links, conditional formats and validation as elements of a rebuilt sheet's old XML (2006
 * elements and x14 items alike), put where user-objects.ts says they go.
 */
import type { RangeBox } from "../../sheet/a1";
import type { PreviousSheet } from "../backend";
import type { SheetLoss } from "../../sheet/port";
import { fateOf, lossOf, type UserObject } from "../user-objects";
import { ruleText } from "../format-rules";
import { attributes, escapeXmlText, unescapeXml } from "./xml-text";

/** A formula element of a format or validation (<formula>, <formula1>, <xm:f>): its start tag, its text. */
const FORMULA = /(<(?:\w+:)?(?:formula\d?|f)>)([^<]*)(?=<)/g;

/** A format, validation or link of the old sheet's XML: its ranges, and the element with others in. */
export interface UserElement extends UserObject {
  withRef: (ref: string) => string;
}

/** The element where it goes on the rebuilt sheet (see fateOf); undefined when it goes, listed if it is lost. */
export function followCells(
  element: UserElement,
  owned: RangeBox[],
  previous: PreviousSheet | undefined,
  lost: SheetLoss[],
): string | undefined {
  const fate = fateOf(element, owned, previous);
  if (fate === "report") return undefined;
  if (fate === "lost") {
    lost.push(lossOf(element));
    return undefined;
  }
  return withFormulas(element.withRef(fate.ref), fate.formulas);
}

/**
 * The element with the formulas that changed written again (old -> new, as elementFormulas reads them):
 * a formula relative to the first cell of the range, for its new first cell (user-objects.ts fateOf).
 */
function withFormulas(xml: string, formulas: Map<string, string> | undefined): string {
  if (!formulas || formulas.size === 0) return xml;
  return xml.replace(FORMULA, (all, start: string, text: string) => {
    const now = formulas.get(unescapeXml(text));
    return now === undefined ? all : start + escapeXmlText(now);
  });
}

/** The formulas of a format or validation element (<formula>, <formula1>, <xm:f>). */
export function elementFormulas(xml: string): string[] {
  return [...xml.matchAll(FORMULA)].map((m) => unescapeXml(m[2]));
}

/**
 * The rule of a conditional format or validation element (format-rules.ts), compared with the rules the
 * report writes: a format of the report's whose rule the user changed is theirs.
 */
export function elementRule(what: "conditionalFormat" | "validation", xml: string): string | undefined {
  const start =
    what === "conditionalFormat" ? /<(?:\w+:)?cfRule\b[^>]*>/.exec(xml)?.[0] : /^<[^>]*>/.exec(xml)?.[0];
  const a = attributes(start ?? "");
  // Only the formulas the operator uses: LibreOffice writes a second one for every operator.
  const operands = (operator: string | undefined) =>
    elementFormulas(xml).slice(0, operator === "between" || operator === "notBetween" ? 2 : 1);
  if (what === "validation") {
    // The operator is optional in a file, "between" when it is left out; a list has none.
    const operator = a.type !== "list" && a.type !== "custom" ? (a.operator ?? "between") : undefined;
    return ruleText({ operator, formulas: operands(operator) });
  }
  if (a.type === "colorScale" || a.type === "dataBar") {
    const colors = [...xml.matchAll(/<(?:\w+:)?(?:color|fillColor)\b[^>]*?\srgb="([^"]*)"/g)].map(
      (m) => m[1],
    );
    // Excel 2010's half of a data bar (x14, in <extLst>) has no colour: its 2006 rule's tells; undefined
    // lets kind and range decide, as for the rule it extends.
    if (colors.length === 0) return undefined;
    return ruleText({ colors: a.type === "dataBar" ? colors.slice(0, 1) : colors });
  }
  return ruleText({ operator: a.operator, formulas: operands(a.operator) });
}
