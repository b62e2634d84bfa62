/**
 * The Build step's form: which sheets, and where the thresholds come from: the defaults and the rule
 * tables on the generated Tiers and Alerts sheets ("sheets"), or values typed here ("here"). Numbers are
 * kept as the user typed them and checked when the settings of a build are made, so a half-typed value is
 * never lost. Pure: tested without a browser.
 */
import type { AlertMetric, Comparison } from "../../engine/alerts/rules";
import { parseAmount } from "../../engine/data/parse-amount";
import type { PartialReportConfig, ReportConfig } from "../../report/config";
import type { Language } from "../../engine/text/language";
import { SHEET_KINDS, type SheetKind } from "../../report/sheet-kinds";
import type { SourceSettings } from "./source-state";

export interface TierField {
  key: string;
  name: string;
  nameZh: string;
  /** As typed; "" means no minimum. */
  minSpend: string;
  minPurchaseDays: string;
}

export interface AlertField {
  key: string;
  name: string;
  nameZh: string;
  tiers?: readonly string[];
  conditions: { metric: AlertMetric; op: Comparison; value: string }[];
}

export interface BuildForm {
  sheets: SheetKind[];
  thresholds: "sheets" | "here";
  /** From the top tier down; the last is the base tier, which has no minimums. */
  tiers: TierField[];
  alerts: AlertField[];
  /** Phones and e-mails masked on the sheets, for workbooks that are shared. */
  maskContacts: boolean;
}

export type BuildFormAction =
  | { type: "sheet"; kind: SheetKind; on: boolean }
  | { type: "allSheets"; on: boolean }
  | { type: "thresholds"; from: BuildForm["thresholds"] }
  | { type: "maskContacts"; on: boolean }
  | { type: "tier"; index: number; field: "minSpend" | "minPurchaseDays"; value: string }
  | { type: "alert"; index: number; condition: number; value: string };

const text = (n: number | undefined) => (n === undefined ? "" : String(n));

/** The form as a config says: the stored settings of the workbook, or the defaults. */
export function buildFormOf(config: ReportConfig): BuildForm {
  return {
    sheets: [...config.sheets],
    thresholds: "sheets",
    tiers: config.tiers.tiers.map((t) => ({
      key: t.key,
      name: t.name,
      nameZh: t.nameZh,
      minSpend: text(t.minSpend),
      minPurchaseDays: text(t.minPurchaseDays),
    })),
    alerts: config.alerts.rules.map((r) => ({
      key: r.key,
      name: r.name,
      nameZh: r.nameZh,
      ...(r.tiers ? { tiers: r.tiers } : {}),
      conditions: r.when.map((c) => ({ metric: c.metric, op: c.op, value: String(c.value) })),
    })),
    maskContacts: config.maskContacts,
  };
}

export function buildFormReducer(form: BuildForm, action: BuildFormAction): BuildForm {
  switch (action.type) {
    case "sheet": {
      const chosen = new Set(form.sheets);
      if (action.on) chosen.add(action.kind);
      else chosen.delete(action.kind);
      // Always in the report's order, whatever order they were ticked in.
      return { ...form, sheets: SHEET_KINDS.filter((k) => chosen.has(k)) };
    }
    case "allSheets":
      return { ...form, sheets: action.on ? [...SHEET_KINDS] : [] };
    case "thresholds":
      return { ...form, thresholds: action.from };
    case "maskContacts":
      return { ...form, maskContacts: action.on };
    case "tier":
      return {
        ...form,
        tiers: form.tiers.map((t, i) => (i === action.index ? { ...t, [action.field]: action.value } : t)),
      };
    case "alert":
      return {
        ...form,
        alerts: form.alerts.map((r, i) =>
          i !== action.index
            ? r
            : {
                ...r,
                conditions: r.conditions.map((c, j) =>
                  j === action.condition ? { ...c, value: action.value } : c,
                ),
              },
        ),
      };
  }
}

/** A number as typed ("1,200", "0.5", "-0.5"); undefined for an empty field, NaN for anything else. */
export function typedNumber(value: string): number | undefined {
  const t = value.trim().replace(/[−–]/g, "-");
  if (t === "") return undefined;
  return parseAmount(t);
}

/** Ids of the fields whose text is not a number ("tier:1:minSpend", "alert:0:0"), with the text. */
export function formProblems(form: BuildForm): Map<string, string> {
  const problems = new Map<string, string>();
  if (form.thresholds === "sheets") return problems;
  form.tiers.forEach((t, i) => {
    for (const field of ["minSpend", "minPurchaseDays"] as const) {
      if (Number.isNaN(typedNumber(t[field]))) problems.set(`tier:${i}:${field}`, t[field]);
    }
  });
  form.alerts.forEach((r, i) =>
    r.conditions.forEach((c, j) => {
      const n = typedNumber(c.value);
      if (n === undefined || Number.isNaN(n)) problems.set(`alert:${i}:${j}`, c.value);
    }),
  );
  return problems;
}

/**
 * The settings of a build: where the orders are and how their columns map (from the Source step), the
 * sheets, and the thresholds when they are set here. undefined while the form has a problem.
 */
export function buildConfigLayer(
  source: SourceSettings,
  form: BuildForm,
  language: Language,
): PartialReportConfig | undefined {
  if (form.sheets.length === 0 || formProblems(form).size > 0) return undefined;
  const layer: PartialReportConfig = {
    source: { ...source.source, header: source.header },
    columns: source.columns,
    asOf: source.asOf,
    timeUnit: source.timeUnit,
    dayOrder: source.dayOrder,
    sheets: form.sheets,
    // The sheets speak the pane's language; stored with the settings, so Refresh keeps it.
    language,
    maskContacts: form.maskContacts,
  };
  if (form.thresholds === "here") {
    layer.tiers = {
      tiers: form.tiers.map((t, i) => {
        const base = i === form.tiers.length - 1;
        const minSpend = base ? undefined : typedNumber(t.minSpend);
        const minPurchaseDays = base ? undefined : typedNumber(t.minPurchaseDays);
        return {
          key: t.key,
          name: t.name,
          nameZh: t.nameZh,
          ...(minSpend === undefined ? {} : { minSpend }),
          ...(minPurchaseDays === undefined ? {} : { minPurchaseDays }),
        };
      }),
    };
    layer.alerts = {
      rules: form.alerts.map((r) => ({
        key: r.key,
        name: r.name,
        nameZh: r.nameZh,
        ...(r.tiers ? { tiers: r.tiers } : {}),
        when: r.conditions.map((c) => ({
          metric: c.metric,
          op: c.op,
          value: typedNumber(c.value) as number,
        })),
      })),
    };
  }
  return layer;
}
