import { alertProblemText } from "../../../src/engine/text/rule-problems";
import { purchaseDaysFromLines } from "../../helpers/orders";
import { dayFromYmd } from "../../../src/engine/data/days";
import { purchaseRhythm } from "../../../src/engine/alerts/rhythm";
import {
  checkAlertRules,
  DEFAULT_ALERT_RULES,
  evaluateAlerts,
  type AlertRule,
} from "../../../src/engine/alerts/rules";
import { evaluateTiers } from "../../../src/engine/tiers/evaluate";

const DAYS = purchaseDaysFromLines([
  ["X", "2024-01-01", 300],
  ["X", "2024-01-11", 300],
  ["X", "2024-01-21", 300],
  ["X", "2024-01-31", 300],
  ["Y", "2024-02-01", 50],
  ["Y", "2024-02-20", 50],
  ["Z", "2024-02-24", 80],
]);
const AS_OF = dayFromYmd(2024, 2, 25);
const TIERS = evaluateTiers(
  DAYS,
  {
    tiers: [
      { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 1000 },
      { key: "member", name: "Member", nameZh: "普通会员" },
    ],
    window: { kind: "rolling", months: 12 },
  },
  AS_OF,
);

describe("purchaseRhythm", () => {
  const r = purchaseRhythm(DAYS, AS_OF, { spendWindowDays: 30 });

  it("measures the usual interval, the time since the last purchase and their ratio", () => {
    expect(Array.from(r.medianIntervalDays)).toEqual([10, 19, NaN]);
    expect(Array.from(r.daysSinceLast)).toEqual([25, 5, 1]);
    expect(Array.from(r.rhythmRatio)).toEqual([2.5, 5 / 19, NaN]);
  });

  it("compares the spend of the last 30 days with the 30 before", () => {
    expect(Array.from(r.spendRecent)).toEqual([300, 100, 80]);
    expect(Array.from(r.spendPrior)).toEqual([900, 0, 0]);
    expect(r.spendChange[0]).toBeCloseTo(-2 / 3, 12);
    expect(r.spendChange[1]).toBeNaN();
  });
});

describe("evaluateAlerts", () => {
  const rhythm = purchaseRhythm(DAYS, AS_OF, { spendWindowDays: 30 });

  it("fires the default VIP rules for the Gold member who slowed down and spends less", () => {
    const alerts = evaluateAlerts(rhythm, DEFAULT_ALERT_RULES, TIERS);
    expect(Array.from(alerts.customer)).toEqual([0, 0]);
    expect(Array.from(alerts.rule, (r) => alerts.rules[r].key)).toEqual(["vipOverdue", "vipSpendDrop"]);
  });

  it("applies rules without tiers to everyone, all conditions together", () => {
    const rules: AlertRule[] = [
      {
        key: "quiet",
        name: "Quiet",
        nameZh: "沉默",
        when: [{ metric: "daysSinceLast", op: ">=", value: 5 }],
      },
      {
        key: "quietRepeat",
        name: "Quiet repeat buyer",
        nameZh: "沉默的复购客户",
        when: [
          { metric: "daysSinceLast", op: ">=", value: 5 },
          { metric: "medianIntervalDays", op: "<", value: 15 },
        ],
      },
    ];
    const alerts = evaluateAlerts(rhythm, rules);
    expect(Array.from(alerts.customer)).toEqual([0, 0, 1]);
    expect(Array.from(alerts.rule)).toEqual([0, 1, 0]);
  });

  it("names what is wrong with a rule table", () => {
    const bad = [
      { key: "b", name: "Bad", nameZh: "", when: [{ metric: "mood", op: "~", value: NaN }] },
    ] as unknown as AlertRule[];
    expect(checkAlertRules(bad).map((p) => alertProblemText("en", p))).toEqual([
      'alert rule 1 (Bad): unknown measure "mood"',
      'alert rule 1 (Bad): unknown comparison "~"',
      "alert rule 1 (Bad): the threshold of mood is not a number",
    ]);
    expect(() => evaluateAlerts(rhythm, DEFAULT_ALERT_RULES)).toThrow(
      "rules that name tiers need the tier evaluation",
    );
  });
});
