/**
 * The upper half of the Benefit cost sheet: the assumptions (input cells with named ranges and
 * validation), the scenario multipliers, and the baseline from the data (values), including the observed
 * and the used migration matrix.
 */
import { dateFromDay } from "../../engine/data/days";
import { sum } from "../../engine/projection/sum-product";
import { scenarioOf } from "../../engine/projection/scenarios";
import { rangeAddress } from "../../sheet/a1";
import {
  FORMATS,
  INPUT_KEYS,
  MAX_PERIODS_ON_SHEET,
  PROGRAMME_FIELDS,
  SCENARIO_ROWS,
  TIER_FIELDS,
  type ProgrammeField,
} from "./fields";
import type { CellSpec, NumberFormat } from "../../sheet/sheet-model";
import { cell, columnRange, rowRange, type BenefitCostWriter } from "./writer";

export function programmeSection(w: BenefitCostWriter): void {
  const { at } = w;
  const { assumptions, baseline } = w.input;
  w.text(at.programmeTitle, 1, w.s.programmeTitle, "subtitle");
  const value = (f: ProgrammeField): number =>
    f.field === "periods"
      ? assumptions.periods
      : f.field === "periodMonths"
        ? baseline.periodMonths
        : assumptions.programme[f.field];
  PROGRAMME_FIELDS.forEach((f, i) => {
    const r = at.programmeFirst + i;
    const [label, unit] =
      f.field === "periods" ? w.s.periods(MAX_PERIODS_ON_SHEET) : w.s.programmeFields[f.field];
    w.text(r, 1, label);
    w.inputCell(r, 2, INPUT_KEYS.programme(f.field), value(f), f.format);
    w.text(r, 3, unit, "note");
    w.name(f.name, cell(r, 2));
    w.decimal(cell(r, 2), f.min, f.max, f.whole);
  });
  // A text input: a measured campaign lift (src/report campaigns) fills it in with its source.
  w.text(at.liftSource, 1, w.words.liftSource, "bold", w.words.liftSourceNote);
  w.inputCell(at.liftSource, 2, INPUT_KEYS.liftSource, w.input.liftSource ?? w.words.liftSourceDefault);
}

export function tierSection(w: BenefitCostWriter): void {
  const { at, k } = w;
  const { assumptions, baseline } = w.input;
  w.text(at.tierTitle, 1, w.s.tierTitle, "subtitle");
  w.text(at.tierTitle, 2, w.s.tierTitleNote, "note");
  w.header(at.tierHeader, 1, w.s.tier);
  TIER_FIELDS.forEach((f, j) => {
    const c = 2 + j;
    const [header, note] = w.s.tierFields[f.field];
    w.header(at.tierHeader, c, header, note);
    for (let i = 0; i < k; i++) {
      const key = INPUT_KEYS.tier(baseline.states[i].key, f.field);
      w.inputCell(at.tierFirst + i, c, key, assumptions.tiers[i][f.field], f.format);
    }
    w.name(f.name, columnRange(at.tierFirst, c, k), note);
    w.decimal(columnRange(at.tierFirst, c, k), 0, f.share ? 1 : undefined);
  });
  for (let i = 0; i < k; i++) w.text(at.tierFirst + i, 1, w.stateName(i), "bold");
  pointsNowColumn(w, 2 + TIER_FIELDS.length);
  const shareCol = 1 + TIER_FIELDS.length;
  w.text(at.tierTotal, 1, w.s.total, "total");
  w.grid.formula(
    at.tierTotal,
    shareCol,
    "SUM(LL_EntryShare)",
    sum(assumptions.tiers.map((t) => t.entryShare)),
    {
      format: FORMATS.rate,
      style: "total",
    },
  );
  w.flagNotHundredPercent(cell(at.tierTotal, shareCol));
}

/** Points outstanding now per tier (inputs): from the data's points column, or typed. */
function pointsNowColumn(w: BenefitCostWriter, c: number): void {
  const { at, k } = w;
  const { baseline, assumptions } = w.input;
  const note = baseline.hasPoints ? w.s.pointsNoteData : w.s.pointsNoteNone;
  w.header(at.tierHeader, c, w.s.pointsOutstanding, note);
  for (let i = 0; i < k; i++) {
    const key = INPUT_KEYS.points(baseline.states[i].key);
    w.inputCell(at.tierFirst + i, c, key, assumptions.pointsOutstanding[i], FORMATS.points);
  }
  w.name("LL_PointsNow", columnRange(at.tierFirst, c, k));
  w.decimal(columnRange(at.tierFirst, c, k), 0);
}

export function scenarioSection(w: BenefitCostWriter): void {
  const { at } = w;
  const { scenarios, scenario } = w.input.assumptions;
  const applied = scenarioOf(scenarios, scenario).multipliers;
  w.text(at.scenarioTitle, 1, w.s.scenariosTitle, "subtitle");
  w.header(at.scenarioHeader, 1, w.s.multiplierOf);
  scenarios.forEach((s, j) => w.header(at.scenarioHeader, 2 + j, w.s.scenarioNames[s.key]));
  const appliedCol = 2 + scenarios.length;
  w.header(at.scenarioHeader, appliedCol, w.s.applied, w.s.appliedNote);
  w.name("LL_ScenarioNames", rowRange(at.scenarioHeader, 2, scenarios.length));
  SCENARIO_ROWS.forEach((f, i) => {
    const r = at.scenarioFirst + i;
    w.text(r, 1, w.s.scenarioRows[f.field]);
    scenarios.forEach((s, j) =>
      w.inputCell(
        r,
        2 + j,
        INPUT_KEYS.multiplier(s.key, f.field),
        s.multipliers[f.field],
        FORMATS.multiplier,
      ),
    );
    const choices = rowRange(r, 2, scenarios.length);
    w.grid.formula(
      r,
      appliedCol,
      `INDEX(${choices},MATCH(LL_Scenario,LL_ScenarioNames,0))`,
      applied[f.field],
      {
        format: FORMATS.multiplier,
        style: "bold",
      },
    );
    w.name(f.name, cell(r, appliedCol));
  });
  const last = at.scenarioFirst + SCENARIO_ROWS.length - 1;
  w.decimal(rangeAddress({ top: at.scenarioFirst, left: 2, bottom: last, right: 1 + scenarios.length }), 0);
}

export function baselineSection(w: BenefitCostWriter): void {
  const { at, k, S } = w;
  const { baseline, assumptions } = w.input;
  const { chain } = baseline;
  const t = w.s;
  w.text(at.baselineTitle, 1, t.baselineTitle, "subtitle");
  w.text(at.baselineTitle, 2, t.baselineTitleNote, "note");
  // One row: the labels spill over the empty cell right of them.
  const info: [string, number, CellSpec["value"], NumberFormat | "date", string?][] = [
    [t.asOf, 2, dateFromDay(baseline.asOf), "date"],
    [t.periodLength, 5, baseline.periodMonths, FORMATS.whole, "LL_PeriodMonths"],
    [t.periodsProjected, 8, w.T, FORMATS.whole, "LL_Periods"],
  ];
  for (const [label, c, value, format, name] of info) {
    w.text(at.baselineInfo, c === 2 ? 1 : c - 2, label);
    w.value(at.baselineInfo, c, value, format);
    if (name) w.name(name, cell(at.baselineInfo, c));
  }

  w.header(at.baselineHeader, 1, t.state, t.tenureNote);
  w.header(at.baselineHeader, 2, t.membersNow);
  w.header(at.baselineHeader, 3, ...t.averageMembers);
  w.header(at.baselineHeader, 4, ...t.actualRevenue);
  w.header(at.baselineHeader, 5, ...t.spendPerMember);
  for (let s = 0; s < S; s++) {
    const r = at.baselineFirst + s;
    w.text(r, 1, w.chainStateName(s), "bold");
    w.value(r, 2, chain.members[s], FORMATS.count);
    w.value(r, 3, chain.averageMembers[s], FORMATS.count1);
    w.value(r, 4, chain.actualRevenue[s], FORMATS.money);
    if (s < 2 * k) {
      w.inputCell(r, 5, INPUT_KEYS.spend(chain.states[s].key), assumptions.spendPerMember[s], FORMATS.money2);
    } else {
      w.text(r, 5, t.none, "note");
    }
  }
  w.name("LL_MembersNew", columnRange(at.baselineFirst, 2, k));
  w.name("LL_MembersEstablished", columnRange(at.baselineFirst + k, 2, k));
  w.name("LL_LapsedNow", cell(at.baselineFirst + 2 * k, 2));
  w.name("LL_SpendNew", columnRange(at.baselineFirst, 5, k));
  w.name("LL_SpendEstablished", columnRange(at.baselineFirst + k, 5, k));
  w.decimal(columnRange(at.baselineFirst, 5, 2 * k));
}

/** Header row of a migration matrix from column c0: the chain states across, then `last`. */
function stateHeader(w: BenefitCostWriter, c0: number, last: string): void {
  const r = w.at.baselineHeader;
  for (let s = 0; s < w.S; s++) w.header(r, c0 + s, s < 2 * w.k ? w.chainStateName(s) : w.s.noTier);
  w.header(r, c0 + w.S, last);
}

/** The observed migration beside the baseline's table (its rows are the same states, from → to across). */
export function observedMigrationSection(w: BenefitCostWriter): void {
  const { at, k, S } = w;
  const { chain, entrySplit, newMembers } = w.input.baseline;
  const c0 = at.observedCol;
  const [title, note] = w.s.observedTitle;
  w.text(at.baselineTitle, c0, title, "subtitle", note);
  stateHeader(w, c0, w.s.membersAtStarts);
  const share = (v: number) => (Number.isFinite(v) ? v : null);
  for (let i = 0; i < S; i++) {
    const r = at.baselineFirst + i;
    chain.observedMigration[i].forEach((v, j) => w.value(r, c0 + j, share(v), FORMATS.rate));
    w.value(r, c0 + S, chain.observedFrom[i], FORMATS.count);
  }
  // New members join as the new members of their tier: the split sits under the tiers' new states.
  w.text(at.observedNew, 1, w.s.newMembersSplit, "bold");
  for (let j = 0; j < S; j++) {
    w.value(at.observedNew, c0 + j, j < k ? share(entrySplit[j]) : j < 2 * k ? 0 : null, FORMATS.rate);
  }
  w.value(at.observedNew, c0 + S, newMembers, FORMATS.count);
}

/** The migration the projection uses (inputs), right of the observed one on the same rows. */
export function usedMigrationSection(w: BenefitCostWriter): void {
  const { at, S } = w;
  const { baseline, assumptions } = w.input;
  const states = baseline.chain.states;
  const c0 = at.migrationCol;
  w.text(at.baselineTitle, c0, w.s.usedTitle, "subtitle");
  stateHeader(w, c0, w.s.rowTotal);
  for (let i = 0; i < S; i++) {
    const r = at.baselineFirst + i;
    assumptions.migration[i].forEach((v, j) =>
      w.inputCell(r, c0 + j, INPUT_KEYS.migration(states[i].key, states[j].key), v, FORMATS.rate),
    );
    w.grid.formula(r, c0 + S, `SUM(${rowRange(r, c0, S)})`, sum(assumptions.migration[i]), {
      format: FORMATS.rate,
    });
  }
  const matrix = rangeAddress({
    top: at.baselineFirst,
    left: c0,
    bottom: at.baselineFirst + S - 1,
    right: c0 + S - 1,
  });
  w.name("LL_Migration", matrix, w.s.migrationName);
  const totals = columnRange(at.baselineFirst, c0 + S, S);
  w.name("LL_MigrationRowTotals", totals);
  w.decimal(matrix, 0, 1);
  w.flagNotHundredPercent(totals);
}
