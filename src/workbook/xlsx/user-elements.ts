/**
 * The user's links, conditional formats and validation as elements of a rebuilt sheet's old XML (2006
 * elements and x14 items alike), put where user-objects.ts says they go.
 */
import type { RangeBox } from "../../sheet/a1";
import type { PreviousSheet } from "../backend";
import type { SheetLoss } from "../../sheet/port";
import { fateOf, lossOf, type UserObject } from "../user-objects";
import { unescapeXml } from "./xml-text";

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
  return element.withRef(fate.ref);
}

/** The formulas of a format or validation element (<formula>, <formula1>, <xm:f>). */
export function elementFormulas(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?(?:formula\d?|f)>([^<]*)</g)].map((m) => unescapeXml(m[1]));
}
