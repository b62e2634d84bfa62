/**
 * "Since the last refresh" on the This week and KPIs sheets: how many members are newly at risk, came
 * back, moved up or down a tier since the workbook's previous build (member-changes.ts), and on This week
 * who they are. A first build says there is nothing to compare with.
 */
import { formatDay, NO_DAY } from "../../engine/data/days";
import { CHANGE_KINDS, MEMBER_STATUS, type MemberChanges } from "../../engine/followup/changes";
import { localName } from "../../engine/text/bilingual";
import { CHANGE_TEXTS } from "../../engine/text/changes";
import type { Cell } from "../../sheet/sheet-model";
import { contactColumns, idHeader, shownCustomerIds } from "../contact-columns";
import { tierName, type ReportData } from "../report-data";
import { excelDate } from "./cell-values";
import type { SheetLayout } from "./layout";

/** Most changes listed on This week (the counts are whole). */
const LISTED_CHANGES = 1000;

/** The section's title, what was compared, and the counts of each kind of change. */
export function changeCounts(layout: SheetLayout, data: ReportData, pointToList: boolean): void {
  const changes = data.memberChanges;
  if (changes === undefined) return;
  const t = CHANGE_TEXTS[data.config.language];
  if (changes === null) {
    layout.section(t.section, t.first);
    layout.gap();
    return;
  }
  layout.section(
    t.section,
    t.compared(formatDay(changes.previousAsOf), changes.compared, changes.newMembers),
  );
  layout.note(t.definitions, ...(pointToList ? [] : [t.seeThisWeek]));
  layout.table({
    header: t.countHeader,
    rows: CHANGE_KINDS.map((kind) => [t.kinds[kind], changes.counts[kind]]),
    formats: ["text", "integer"],
  });
  layout.gap();
}

/** The members who changed, kind by kind (This week). */
export function changeList(layout: SheetLayout, data: ReportData, changes: MemberChanges): void {
  const language = data.config.language;
  const t = CHANGE_TEXTS[language];
  const h = t.listHeader;
  const { analysis } = data;
  // The member's contact and id as every member list shows them (masked when the settings say so).
  const contacts = contactColumns(data);
  const ids = shownCustomerIds(data);
  layout.section(t.section);
  if (changes.changes.length === 0) {
    layout.note(t.nobodyChanged);
    return;
  }
  const shown = changes.changes.slice(0, LISTED_CHANGES);
  if (shown.length < changes.changes.length) layout.note(t.listCut(shown.length, changes.changes.length));
  const category = (key: string) => analysis.tiers.categories.find((c) => c.key === key);
  const statusWord = (status: number | null) =>
    status === null
      ? t.status.newMember
      : status === MEMBER_STATUS.atRisk
        ? t.status.atRisk
        : status === MEMBER_STATUS.lost
          ? t.status.lost
          : t.status.none;
  const header: Cell[] = [
    h.change,
    idHeader(data, h.customerId),
    ...contacts.header,
    h.statusBefore,
    h.tierBefore,
    h.tierNow,
    h.lastPurchase,
  ];
  const rows: Cell[][] = shown.map((change) => {
    const c = change.member;
    const before = category(change.tierBefore);
    const last = analysis.summary.lastDay[c];
    return [
      t.kinds[change.kind],
      ids[c],
      ...contacts.cells(c),
      statusWord(change.statusBefore),
      before ? localName(before, language) : change.tierBefore,
      tierName(analysis, analysis.tiers.current[c], language),
      last === NO_DAY ? null : excelDate(last),
    ];
  });
  layout.table({
    header,
    rows,
    formats: header.map((cell) => (cell === h.lastPurchase ? ("date" as const) : ("text" as const))),
    table: { name: "LL_Changes", style: "TableStyleLight9" },
  });
}
