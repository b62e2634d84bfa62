/**
 * The assumptions as the Benefit cost sheet holds them: the builder's defaults with every input cell the
 * user edited applied. A refresh computes the engine's projection (the cached results, the totals of
 * `loyalty report --json`) with them, so the numbers agree with what the spreadsheet recalculates.
 */
import { isCellError } from "../../engine/data/table";
import type { ProjectionAssumptions, TierAssumptions } from "../../engine/projection/assumptions";
import type { ProjectionBaseline } from "../../engine/projection/baseline";
import { SCENARIO_FIELDS, type Scenario, type ScenarioMultipliers } from "../../engine/projection/scenarios";
import { UserError } from "../../user-error";
import type { InputCellState } from "../../sheet/port";
import { INPUT_KEYS, MAX_PERIODS_ON_SHEET, PROGRAMME_FIELDS, TIER_FIELDS } from "./fields";
import { BENEFIT_COST_TEXTS } from "../../engine/text/benefit-cost";
import { SHEET_TEXTS } from "../../engine/text/benefit-cost-sheet";
import { LANGUAGES } from "../../engine/text/language";

/** The English labels name the cells in messages (the CLI's messages are English). */
const EN = SHEET_TEXTS.en;

/** An input cell of the sheet as the workbook reads it (Workbook.readInputs gives these). */
export type SheetInput = Pick<InputCellState, "key" | "address" | "value" | "edited">;

/** Structure settings read before the baseline is made: they change the layout. */
export interface BenefitCostSettings {
  periods?: number;
  periodMonths?: number;
}

/** An input the user changed to something: a cleared cell means "use the default". */
function isEdit(input: SheetInput): boolean {
  const blank = input.value === null || input.value === undefined || input.value === "";
  return input.edited && !blank;
}

function describe(sheet: string, input: SheetInput): string {
  return `sheet ${sheet}, cell ${input.address}`;
}

function numberOf(sheet: string, input: SheetInput, what: string): number {
  const v = input.value;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const shown = isCellError(v)
    ? v.error
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : JSON.stringify(v);
  throw new UserError(`${describe(sheet, input)} (${what}) must be a number, not ${shown}`, undefined, {
    code: "assumptionNotNumber",
    sheet,
    cell: input.address,
    what,
    value: shown,
  });
}

/** A number within [min, max] (either may be open), or a UserError naming the cell. */
function numberIn(sheet: string, input: SheetInput, what: string, min?: number, max?: number): number {
  const n = numberOf(sheet, input, what);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`;
    throw new UserError(`${describe(sheet, input)} (${what}) must be ${range}, not ${n}`, undefined, {
      code: "assumptionOutOfRange",
      sheet,
      cell: input.address,
      what,
      value: n,
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    });
  }
  return n;
}

function wholeIn(sheet: string, input: SheetInput, what: string, min: number, max: number): number {
  const n = numberOf(sheet, input, what);
  if (!(Number.isInteger(n) && n >= min && n <= max)) {
    throw new UserError(
      `${describe(sheet, input)} (${what}) must be a whole number from ${min} to ${max}`,
      undefined,
      { code: "assumptionNotWhole", sheet, cell: input.address, what, min, max },
    );
  }
  return n;
}

/** The number and length of periods the user set on the sheet (only those they edited). */
export function benefitCostSettings(inputs: readonly SheetInput[], sheet: string): BenefitCostSettings {
  const settings: BenefitCostSettings = {};
  for (const input of inputs) {
    if (!isEdit(input)) continue;
    if (input.key === INPUT_KEYS.programme("periods")) {
      settings.periods = wholeIn(sheet, input, "number of periods", 1, MAX_PERIODS_ON_SHEET);
    } else if (input.key === INPUT_KEYS.programme("periodMonths")) {
      settings.periodMonths = wholeIn(sheet, input, "period length in months", 1, 12);
    }
  }
  return settings;
}

/** What each input cell does to the assumptions being built, by the cell's key. */
type Setters = Map<string, (input: SheetInput) => void>;

/** The scenario cell: the scenario's name in either language (a sheet built in Chinese keeps it). */
function scenarioSetter(setters: Setters, a: ProjectionAssumptions, sheet: string): void {
  setters.set(INPUT_KEYS.scenario, (input) => {
    const name = String(input.value ?? "")
      .trim()
      .toLowerCase();
    const names = (s: Scenario) => [
      s.key,
      s.name,
      ...LANGUAGES.map((l) => SHEET_TEXTS[l].scenarioNames[s.key]),
    ];
    const found = a.scenarios.find((s) => names(s).some((n) => n.toLowerCase() === name));
    if (!found) {
      throw new UserError(
        `${describe(sheet, input)} (scenario) must be one of ${a.scenarios.map((s) => s.name).join(", ")}`,
        undefined,
        { code: "unknownScenario", sheet, cell: input.address, scenarios: a.scenarios.map((s) => s.name) },
      );
    }
    a.scenario = found.key;
  });
}

/** The programme assumptions (the period settings are read before, by benefitCostSettings). */
function programmeSetters(setters: Setters, a: ProjectionAssumptions, sheet: string): void {
  for (const f of PROGRAMME_FIELDS) {
    if (f.field === "periods" || f.field === "periodMonths") continue;
    const field = f.field;
    const what = EN.programmeFields[field][0].toLowerCase();
    setters.set(INPUT_KEYS.programme(field), (input) => {
      a.programme[field] = numberIn(sheet, input, what, f.min, f.max);
    });
  }
}

/** Each tier's assumptions and points outstanding. */
function tierSetters(
  setters: Setters,
  a: ProjectionAssumptions,
  baseline: ProjectionBaseline,
  sheet: string,
) {
  baseline.states.slice(0, baseline.tierCount).forEach((tier, i) => {
    for (const f of TIER_FIELDS) {
      const field: keyof TierAssumptions = f.field;
      const what = `${tier.name}: ${EN.tierFields[field][0].toLowerCase()}`;
      setters.set(INPUT_KEYS.tier(tier.key, field), (input) => {
        a.tiers[i][field] = numberIn(sheet, input, what, 0, f.share ? 1 : undefined);
      });
    }
    setters.set(INPUT_KEYS.points(tier.key), (input) => {
      a.pointsOutstanding[i] = numberIn(sheet, input, `${tier.name}: points outstanding`, 0);
    });
  });
}

/** Spend per member of each tier × tenure state, and the migration between the chain's states. */
function chainSetters(
  setters: Setters,
  a: ProjectionAssumptions,
  baseline: ProjectionBaseline,
  sheet: string,
) {
  const chain = baseline.chain.states;
  const name = (s: number) => {
    const { tier, tenure } = chain[s];
    return tenure === "lapsed" ? EN.lapsed : EN.tenureState(baseline.states[tier].name, tenure);
  };
  chain.forEach((from, i) => {
    if (i < a.spendPerMember.length) {
      setters.set(INPUT_KEYS.spend(from.key), (input) => {
        a.spendPerMember[i] = numberIn(sheet, input, `${name(i)}: spend per member`);
      });
    }
    chain.forEach((to, j) =>
      setters.set(INPUT_KEYS.migration(from.key, to.key), (input) => {
        a.migration[i][j] = numberIn(sheet, input, `migration from ${name(i)} to ${name(j)}`, 0, 1);
      }),
    );
  });
}

/** The scenarios' multipliers, the seasonal index, the alternative and the sensitivity axes. */
function otherSetters(setters: Setters, a: ProjectionAssumptions, sheet: string): void {
  for (const s of a.scenarios) {
    for (const field of SCENARIO_FIELDS as (keyof ScenarioMultipliers)[]) {
      setters.set(INPUT_KEYS.multiplier(s.key, field), (input) => {
        s.multipliers[field] = numberIn(sheet, input, `${s.name} multiplier`, 0);
      });
    }
  }
  a.seasonalIndex.forEach((_, t) =>
    setters.set(INPUT_KEYS.season(t + 1), (input) => {
      a.seasonalIndex[t] = numberIn(sheet, input, `seasonal index of period ${t + 1}`, 0);
    }),
  );
  for (const field of ["topTierCost", "topTierLift"] as const) {
    const what = `alternative: ${BENEFIT_COST_TEXTS.en.alternative[field]}`;
    setters.set(INPUT_KEYS.alternative(field), (input) => {
      a.alternative[field] = numberIn(sheet, input, what, 0);
    });
  }
  a.sensitivity.redemptionRates.forEach((_, i) =>
    setters.set(INPUT_KEYS.redemptionAxis(i), (input) => {
      a.sensitivity.redemptionRates[i] = numberIn(sheet, input, "sensitivity redemption rate", 0, 1);
    }),
  );
  a.sensitivity.participationRates.forEach((_, j) =>
    setters.set(INPUT_KEYS.participationAxis(j), (input) => {
      a.sensitivity.participationRates[j] = numberIn(sheet, input, "sensitivity participation rate", 0, 1);
    }),
  );
}

/**
 * `defaults` with the edited inputs applied. Inputs of tiers or states the baseline no longer has (the
 * tier rules changed) are ignored; a value that is not a number raises a UserError naming the cell.
 */
export function assumptionsWithInputs(
  defaults: ProjectionAssumptions,
  baseline: ProjectionBaseline,
  inputs: readonly SheetInput[],
  sheet: string,
): ProjectionAssumptions {
  const a: ProjectionAssumptions = structuredClone(defaults);
  const setters: Setters = new Map();
  scenarioSetter(setters, a, sheet);
  programmeSetters(setters, a, sheet);
  tierSetters(setters, a, baseline, sheet);
  chainSetters(setters, a, baseline, sheet);
  otherSetters(setters, a, sheet);
  for (const input of inputs) if (isEdit(input)) setters.get(input.key)?.(input);
  return a;
}
