/* Campaign functions of the LOYALTY namespace: what a campaign did, against a matched control. */
import { measureCampaign } from "../../engine/campaigns/measure";
import { parseId } from "../../engine/data/parse-id";
import { purchaseDaysOf } from "../../engine/summary/purchase-days";
import { evaluateTiers } from "../../engine/tiers/evaluate";
import { DEFAULT_TIER_PROGRAM } from "../../engine/tiers/program";
import { CAMPAIGN_TEXTS } from "../../engine/text/campaigns";
import { argsOf, optionalBoolean, optionalChoice, optionalNumber, vectorOf } from "../excel/args";
import { LANGUAGES } from "../rfm/choices";
import { isBlank } from "../excel/cells";
import { codedValueError } from "../excel/errors";
import { excelCallIn } from "../excel/guard";
import { optionalDay, readOrderArgs } from "../orders/order-args";

const LIFT_PARAMS = [
  "customers",
  "dates",
  "amounts",
  "participants",
  "start",
  "window_days",
  "headers",
  "language",
  "quantities",
  "orders",
  "statuses",
] as const;

/**
 * What a campaign did to its participants' spend: difference-in-differences against matched non-participants (as on LL Campaigns, default tiers), a seeded bootstrap 95 % interval, and the naive lift beside it.
 * @customfunction LIFT
 * @helpurl https://localhost:3000/help.html#lift
 * @requiresParameterAddresses
 * @param customers Customer id of each order line (a column).
 * @param dates Date of each order line.
 * @param amounts Amount of each order line; negative amounts are refunds. With quantities: the unit price of each line.
 * @param participants Ids of the members who took part (a column; blanks are skipped).
 * @param start The day the campaign started.
 * @param [window_days] Days compared before and after the start. Default 56 (8 weeks).
 * @param [headers] TRUE to put a row of labels above the values. Default FALSE.
 * @param [language] "en" (default) or "zh" for the labels in Chinese.
 * @param [quantities] Quantity of each line: a line's amount is then quantity × the unit price in amounts.
 * @param [orders] Order or invoice id of each line ("C" + number: a cancellation).
 * @param [statuses] Order status of each line (cancelled, refunded, 已退款, 交易关闭 ...: not revenue).
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns One row: lift, its 95 % interval (low, high), spend effect per member, matched and unmatched participants, naive lift.
 */
export function lift(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  participants: unknown[][],
  start: unknown,
  window_days?: unknown,
  headers?: unknown,
  language?: unknown,
  quantities?: unknown[][],
  orders?: unknown[][],
  statuses?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCallIn(language, "LOYALTY.LIFT", () => {
    const a = argsOf(
      LIFT_PARAMS,
      [
        customers,
        dates,
        amounts,
        participants,
        start,
        window_days,
        headers,
        language,
        quantities,
        orders,
        statuses,
      ],
      invocation,
    );
    const startDay = optionalDay(a.start);
    if (startDay === undefined) throw codedValueError({ code: "noStart", name: a.start.name });
    const windowDays = optionalNumber(a.window_days, 56, { min: 7, max: 365, integer: true });
    const withHeaders = optionalBoolean(a.headers, false);
    const lang = optionalChoice(a.language, LANGUAGES, "en", ["en", "zh"]);
    const read = readOrderArgs(a, undefined);
    const ids = vectorOf(a.participants)
      .cells.filter((v) => !isBlank(v))
      .map((v) => parseId(v as string | number));
    if (ids.length === 0) throw codedValueError({ code: "noParticipants", name: a.participants.name });
    const days = purchaseDaysOf(read.read.orders);
    // Tier minimums derived as the report derives them: from the data on its last day.
    const tiers = evaluateTiers(days, DEFAULT_TIER_PROGRAM, read.read.asOf).program;
    const rows = ids.map((customerId) => ({
      customerId,
      campaign: "",
      start: startDay,
      end: NaN,
      cost: NaN,
    }));
    const m = measureCampaign(days, "", rows, read.read.asOf, { tiers, windowDays });
    const unmatched =
      m.unmatched.notInOrders + m.unmatched.noHistory + m.unmatched.windowNotOver + m.unmatched.noControl;
    const value = (v: number) => (Number.isFinite(v) ? v : "");
    const row = [
      value(m.lift.estimate),
      value(m.lift.low),
      value(m.lift.high),
      value(m.spendPerMember.estimate),
      m.matched,
      unmatched,
      value(m.naiveLift.estimate),
    ];
    const labels = CAMPAIGN_TEXTS[lang === "zh" ? "zh-CN" : "en"].liftLabels;
    return withHeaders ? [[...labels], row] : [row];
  });
}
