import type { ColumnRole } from "./columns";
import type { QualityReason } from "./quality";
import type { CellPlace, TablePlace } from "./table";

/** The table an error is about: `source` as the English message writes it, `place` its parts when known. */
export interface SourcedDetail {
  source: string;
  place?: TablePlace;
}

/** A setting the user can change to make the input usable: "dayOrder", the order of dates like 03/04/2024. */
export type InputFix = "dayOrder";

/**
 * What a DataError says, as a code and the values its message names (the place as the message writes it,
 * column names, counts), so a display in another language can say the same thing in its own words. The
 * English message stays the error's `message` (the CLI and the custom functions show that).
 */
export type DataErrorDetail =
  | SummaryTierDetail
  | (SourcedDetail & { code: "missingColumns"; roles: ColumnRole[]; headers: string[] })
  | (SourcedDetail & { code: "noSuchColumn"; role: ColumnRole; given: string; headers: string[] })
  | (SourcedDetail & { code: "noColumnNumber"; role: ColumnRole; number: number })
  | (SourcedDetail & { code: "columnTwice"; column: string })
  | (SourcedDetail & {
      code: "mixedDecimals";
      comma: string;
      point: string;
      /** The cell of the comma value (`where` in English, `at` as parts) and of the point value. */
      where: string;
      at: CellPlace;
      pointAt: CellPlace;
    })
  | (SourcedDetail & { code: "ambiguousDecimals"; value: string; where: string; at: CellPlace })
  | (SourcedDetail & { code: "amountLooksLikePrice"; amount: string; quantity: string })
  // A campaign table (campaigns/participation.ts): `role` a CampaignColumn ("customerId", "start" ...).
  | (SourcedDetail & { code: "campaignNoSuchColumn"; role: string; given: string; headers: string[] })
  | (SourcedDetail & { code: "campaignMissingColumns"; roles: string[]; headers: string[] })
  | (SourcedDetail & {
      code: "noUsableLines";
      rows: number;
      /**
       * The most frequent reason rows were dropped, its count and first place (`where` in English, `at` as
       * parts), and what was wrong there.
       */
      worst?: { reason: QualityReason; count: number; where: string; at: CellPlace; note?: string };
    })
  | SummaryErrorDetail;

/**
 * What a customer summary's cell must hold (read-summary-table.ts), with the values the message names:
 * dates as YYYY-MM-DD, `to` the date T or t_x counts to.
 */
export type SummaryExpectation =
  | { what: "date" | "customerId" | "wholeDays" | "orders" | "purchaseDays" | "amount" | "refund" }
  | { what: "repeatDays" | "time" | "amountAtLeastZero" }
  | { what: "afterFirst"; first: string }
  | { what: "purchaseDaysLessOne"; value: number }
  | { what: "unitTime"; unit: string; to: "lastPurchase" | "asOf"; date: string; value: number };

/** A customer summary (one row per customer, as `loyalty sql` makes it) that cannot be read. */
export type SummaryErrorDetail =
  | (SourcedDetail & { code: "summaryMissingColumns"; columns: string[]; headers: string[] })
  | (SourcedDetail & {
      code: "summaryCell";
      /** The cell (`where` in English, `at` as parts), what it must hold and what it holds (none: empty). */
      where: string;
      at: CellPlace;
      expected: SummaryExpectation;
      value?: string;
    })
  | (SourcedDetail & { code: "summaryDuplicateId"; where: string; at: CellPlace; id: string; row: number })
  | (SourcedDetail & { code: "summaryHoldout"; where: string; at: CellPlace })
  | (SourcedDetail & {
      code: "summaryAsOf";
      where: string;
      at: CellPlace;
      asOf: string;
      other: string;
      row: number;
    })
  | (SourcedDetail & { code: "summaryNoCustomers" })
  | (SourcedDetail & { code: "summaryUnit"; unit: string; reportUnit: string });

/**
 * Tier rules a customer summary cannot apply (tiers/evaluate.ts): a grace of several reviews
 * (`demoteAfterPeriods`), or a window other than the summary's rolling months (`given`: "calendarYear"
 * or the rule's months).
 */
export type SummaryTierDetail =
  | { code: "summaryTierGrace"; periods: number }
  | { code: "summaryTierWindow"; given: number | "calendarYear"; months: number };

/**
 * Input the engine cannot work with at all (no customer id column, an unknown column name, a rule table
 * that contradicts itself). The message is for the user and names the table, row and column where there is
 * one; the CLI prints it as one line with exit code 2, the task pane shows it, a custom function returns
 * #VALUE! with it. Bad rows are not errors: they are counted in the data-quality report.
 *
 * `fix` names the setting that would make the input usable, when one would, so a display can point at it.
 * `detail` is the message as code and values, for the errors a store manager is likely to meet.
 */
export class DataError extends Error {
  constructor(
    message: string,
    readonly fix?: InputFix,
    readonly detail?: DataErrorDetail,
  ) {
    super(message);
    this.name = "DataError";
  }
}
