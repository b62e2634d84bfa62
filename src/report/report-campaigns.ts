/**
 * The campaign history of a report: where it comes from (a table the caller read, e.g. `--campaigns FILE`;
 * a sheet of the workbook named "Campaigns" or "活动", or the one the settings name; else a campaign column
 * on the order lines) and what each campaign did (engine/campaigns/measure.ts).
 */
import { inputError } from "../input-errors";
import type { Analysis } from "../engine/analyze";
import { DataError } from "../engine/data/errors";
import type { RawTable } from "../engine/data/table";
import {
  participationsFromOrderLines,
  readParticipations,
  type ParticipationTable,
} from "../engine/campaigns/participation";
import { measureCampaigns, type CampaignMeasure } from "../engine/campaigns/measure";
import { asUserError } from "../user-error";
import type { Workbook } from "../sheet/port";
import { dateReadOptions, type ReportConfig } from "./config";

/** The sheet names a campaign table is found by when the settings name none. */
export const CAMPAIGN_SHEET_NAMES = ["Campaigns", "Campaign", "活动", "活动参与", "营销活动"];

export interface ReportCampaigns {
  participation: ParticipationTable;
  measures: CampaignMeasure[];
}

/** The user sheet holding the campaign table, or undefined when the workbook has none. */
export async function findCampaignSheet(
  workbook: Workbook,
  config: ReportConfig,
): Promise<string | undefined> {
  const sheets = (await workbook.listSheets()).filter((s) => !s.generatedKind);
  const wanted = config.campaigns.sheet;
  if (wanted) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!sheet) {
      throw inputError("noCampaignSheet", { sheet: wanted });
    }
    return sheet.name;
  }
  const names = CAMPAIGN_SHEET_NAMES.map((n) => n.toLowerCase());
  return sheets.find((s) => names.includes(s.name.trim().toLowerCase()))?.name;
}

/** Reads the campaign table; a table that cannot be read is the user's error, naming the setting. */
export function readCampaignTable(table: RawTable, config: ReportConfig): ParticipationTable {
  try {
    return readParticipations(table, {
      columns: config.campaigns.columns,
      dates: dateReadOptions(config),
    });
  } catch (e) {
    if (e instanceof DataError) throw asUserError(e);
    throw e;
  }
}

/** Every campaign of the participation table (or of the order lines' campaign column) measured. */
export function reportCampaigns(
  table: ParticipationTable | undefined,
  analysis: Analysis,
  config: ReportConfig,
): ReportCampaigns | null {
  const participation =
    table ?? participationsFromOrderLines(analysis.table.orders, analysis.table.quality.source);
  if (!participation) return null;
  const measures = measureCampaigns(analysis.days, participation.rows, analysis.asOf, {
    tiers: analysis.tiers.program,
    windowDays: config.campaigns.windowDays,
    seed: config.campaigns.seed,
    margin: config.model.margin,
  });
  return { participation, measures };
}
