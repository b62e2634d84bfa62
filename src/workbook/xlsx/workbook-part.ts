/**
 * workbook.xml and its relationships as a splice edits them: the <sheet> elements (renamed, hidden,
 * deleted, added), the new sheets' relationships, the defined names, recalculation on opening, a visible
 * active tab, and the calculation chain removed.
 */
import { REL_WORKSHEET, type XlsxPackage } from "./package";
import { REL_NS } from "./package-edit";
import { withFullCalcOnLoad } from "./package-finish";
import { relativeTarget, RELS_HEAD, type PackageEdit } from "./package-parts";
import { definedNamesXml, putDefinedNames } from "./defined-names";
import type { SpliceBackend } from "./splice-backend";
import { attributes, escapeXml, startTags, type Relationship } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** xl/_rels/workbook.xml.rels as it is edited: the new sheets' relationships added. */
export interface WorkbookRels {
  old: Relationship[];
  xml: string;
  usedIds: Set<string>;
  /** The relationship id of each sheet added (by name). */
  added: Map<string, string>;
}

/** The workbook's relationships as the package has them, before any is added. */
export function workbookRelsOf(pkg: XlsxPackage): WorkbookRels {
  const old = pkg.relationships("xl/workbook.xml");
  return {
    old,
    xml: pkg.has("xl/_rels/workbook.xml.rels")
      ? pkg.text("xl/_rels/workbook.xml.rels")
      : RELS_HEAD + "</Relationships>",
    usedIds: new Set(old.map((r) => r.id)),
    added: new Map(),
  };
}

/** A free worksheet part for a sheet added this session, related from the workbook; its name. */
export function addSheetPart(edit: PackageEdit, workbookRels: WorkbookRels, sheetName: string): string {
  const part = edit.freeName("xl/worksheets/", "sheet", ".xml");
  edit.override(part, WORKSHEET_TYPE);
  let n = workbookRels.usedIds.size + 1;
  while (workbookRels.usedIds.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  workbookRels.usedIds.add(id);
  workbookRels.added.set(sheetName, id);
  workbookRels.xml = workbookRels.xml.replace(
    /<\/(\w+:)?Relationships>\s*$/,
    (end) =>
      `<Relationship Id="${id}" Type="${REL_NS}/worksheet" Target="${escapeXml(relativeTarget("xl/workbook.xml", part))}"/>${end}`,
  );
  return part;
}

/** workbook.xml with the sheets, the defined names and recalculation on opening. */
export function splicedWorkbookXml(backend: SpliceBackend, addedRels: Map<string, string>): string {
  let workbookXml = backend.pkg.text("xl/workbook.xml");
  const root = /<(\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const prefixMatch = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[.]/g, "\\.")}"`).exec(root);
  let relPrefix = prefixMatch ? `${prefixMatch[1]}:` : "r:";
  if (!prefixMatch) {
    workbookXml = workbookXml.replace(root, root.replace(/>$/, ` xmlns:r="${REL_NS}">`));
    relPrefix = "r:";
  }
  // What is written here (<sheet>, <definedNames>, <calcPr>) has no prefix: a file that puts the main
  // namespace under one (<x:workbook xmlns:x=...>) gets it as the default namespace as well.
  if (!/\sxmlns=/.test(root)) {
    const now = /<(\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
    workbookXml = workbookXml.replace(now, now.replace(/>$/, ` xmlns="${MAIN_NS}">`));
  }
  // Old element texts are matched before the slots' parts change.
  const sheetsBlock = /<((\w+:)?sheets)\b[^>]*>([\s\S]*?)<\/\1>/.exec(workbookXml) as RegExpExecArray;
  const element = sheetsElement(sheetsBlock[3], backend, addedRels, relPrefix);
  workbookXml = workbookXml.replace(sheetsBlock[0], `<${sheetsBlock[1]}>${element}</${sheetsBlock[1]}>`);
  const order = startTags(workbookXml, "sheet").map((t) => attributes(t).name);
  workbookXml = withFullCalcOnLoad(putDefinedNames(workbookXml, definedNamesXml(backend.names, order)));
  return withVisibleActiveTab(workbookXml, backend);
}

/** The relationship id of a <sheet> element, whatever prefix the file gives it. */
function sheetRelId(tag: string): string | undefined {
  const a = attributes(tag);
  return Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? a.id;
}

/**
 * The workbook.xml <sheet> elements: each sheet of the file keeps its element (renamed, its state set),
 * deleted ones go, new ones are added at the end.
 */
function sheetsElement(
  sheetsXml: string,
  backend: SpliceBackend,
  newRelIds: Map<string, string>,
  relPrefix: string,
): string {
  const old = startTags(sheetsXml, "sheet");
  const oldRels = backend.pkg.relationships("xl/workbook.xml");
  let nextId = Math.max(0, ...old.map((t) => Number(attributes(t).sheetId ?? 0))) + 1;
  const items: string[] = [];
  const withState = (tag: string, visibility: string) => {
    const bare = tag.replace(/\sstate="[^"]*"/, "").replace(/\s*\/?>$/, "");
    return `${bare}${visibility === "visible" ? "" : ` state="${visibility}"`}/>`;
  };
  for (const tag of old) {
    const rel = oldRels.find((r) => r.id === sheetRelId(tag));
    if (!rel || !rel.type.endsWith(REL_WORKSHEET)) {
      // Chart sheets and dialog sheets keep their element and place.
      items.push(tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>"));
      continue;
    }
    const slot = backend.slots.find((s) => s.part === rel.target);
    if (!slot) continue; // deleted
    const renamed = tag.replace(/\sname="[^"]*"/, ` name="${escapeXml(slot.name)}"`);
    items.push(withState(renamed, slot.visibility));
  }
  for (const slot of backend.slots.filter((s) => !s.part)) {
    const tag = `<sheet name="${escapeXml(slot.name)}" sheetId="${nextId++}" ${relPrefix}id="${newRelIds.get(slot.name)}"/>`;
    items.push(withState(tag, slot.visibility));
  }
  return items.join("");
}

/** The workbook's relationships put in, without the calculation chain (removed) and the deleted sheets. */
export function finishWorkbookRels(
  edit: PackageEdit,
  backend: SpliceBackend,
  workbookRels: WorkbookRels,
): void {
  const withoutRel = (xml: string, id: string) =>
    xml.replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*Id="${id}"[^>]*/>`), "");
  let xml = workbookRels.xml;
  const calcChain = workbookRels.old.find((r) => r.type.endsWith("/calcChain"));
  if (calcChain) {
    edit.remove(calcChain.target);
    xml = withoutRel(xml, calcChain.id);
  }
  for (const part of backend.deletedParts) {
    const rel = workbookRels.old.find((r) => r.target === part);
    if (rel) xml = withoutRel(xml, rel.id);
  }
  edit.put("xl/_rels/workbook.xml.rels", xml);
}

/** The active tab and first visible tab of the workbook view must be a visible sheet. */
function withVisibleActiveTab(workbookXml: string, backend: SpliceBackend): string {
  const visible = backend.slots.map((s) => s.visibility === "visible");
  const first = visible.indexOf(true);
  if (first < 0) return workbookXml;
  return workbookXml.replace(/<(\w+:)?workbookView\b[^>]*>/, (tag) => {
    const a = attributes(tag);
    const active = Number(a.activeTab ?? 0);
    if (visible[active]) return tag;
    return tag
      .replace(/\sactiveTab="\d+"/, "")
      .replace(/\sfirstSheet="\d+"/, "")
      .replace(/^<([\w:]+)/, `<$1 activeTab="${first}" firstSheet="${first}"`);
  });
}
