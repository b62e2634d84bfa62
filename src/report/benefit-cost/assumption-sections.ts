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
  const { at, k, K } = w;
  const { baseline, assumptions } = w.input;
  const t = w.s;
  w.text(at.baselineTitle, 1, t.baselineTitle, "subtitle");
  w.text(at.baselineTitle, 2, t.baselineTitleNote, "note");
  w.text(at.baselineInfo, 1, t.asOf);
  w.value(at.baselineInfo, 2, dateFromDay(baseline.asOf), "date");
  w.text(at.baselineInfo + 1, 1, t.periodLength);
  w.value(at.baselineInfo + 1, 2, baseline.periodMonths, FORMATS.whole);
  w.name("LL_PeriodMonths", cell(at.baselineInfo + 1, 2));
  w.text(at.baselineInfo + 2, 1, t.periodsProjected);
  w.value(at.baselineInfo + 2, 2, w.T, FORMATS.whole);
  w.name("LL_Periods", cell(at.baselineInfo + 2, 2));

  const pointsNote = baseline.hasPoints ? t.pointsNoteData : t.pointsNoteNone;
  w.header(at.baselineHeader, 1, t.state);
  w.header(at.baselineHeader, 2, t.membersNow);
  w.header(at.baselineHeader, 3, ...t.spendPerMember);
  w.header(at.baselineHeader, 4, t.pointsOutstanding, pointsNote);
  w.header(at.baselineHeader, 5, ...t.averageMembers);
  w.header(at.baselineHeader, 6, ...t.actualRevenue);
  for (let s = 0; s < K; s++) {
    const r = at.baselineFirst + s;
    w.text(r, 1, w.stateName(s), "bold");
    w.value(r, 2, baseline.members[s], FORMATS.count);
    w.value(r, 5, baseline.averageMembers[s], FORMATS.count1);
    w.value(r, 6, baseline.actualRevenue[s], FORMATS.money);
    if (s < k) {
      w.value(r, 3, baseline.spendPerMember[s], FORMATS.money2);
      w.inputCell(
        r,
        4,
        INPUT_KEYS.points(baseline.states[s].key),
        assumptions.pointsOutstanding[s],
        FORMATS.points,
      );
    } else {
      w.text(r, 3, t.none, "note");
      w.text(r, 4, t.inBaseTier, "note");
    }
  }
  w.name("LL_MembersNow", columnRange(at.baselineFirst, 2, K));
  w.name("LL_SpendNow", columnRange(at.baselineFirst, 3, k));
  w.name("LL_PointsNow", columnRange(at.baselineFirst, 4, k));
  w.decimal(columnRange(at.baselineFirst, 4, k), 0);
}

/** Header row of a migration matrix from column c0: "From \ to", the states across, then `last`. */
function stateHeader(w: BenefitCostWriter, r: number, c0: number, last: string): void {
  w.header(r, c0, w.s.fromTo);
  for (let s = 0; s < w.K; s++) w.header(r, c0 + 1 + s, s < w.k ? w.stateName(s) : w.s.noTier);
  w.header(r, c0 + 1 + w.K, last);
}

export function observedMigrationSection(w: BenefitCostWriter): void {
  const { at, K } = w;
  const { baseline } = w.input;
  const [title, note] = w.s.observedTitle;
  w.text(at.observedTitle, 1, title, "subtitle", note);
  stateHeader(w, at.observedHeader, 1, w.s.membersAtStarts);
  const share = (v: number) => (Number.isFinite(v) ? v : null);
  for (let i = 0; i < K; i++) {
    const r = at.observedFirst + i;
    w.text(r, 1, w.stateName(i), "bold");
    baseline.observedMigration[i].forEach((v, j) => w.value(r, 2 + j, share(v), FORMATS.rate));
    w.value(r, 2 + K, baseline.observedFrom[i], FORMATS.count);
  }
  w.text(at.observedNew, 1, w.s.newMembersSplit, "bold");
  baseline.entrySplit.forEach((v, j) => w.value(at.observedNew, 2 + j, share(v), FORMATS.rate));
  w.value(at.observedNew, 2 + K, baseline.newMembers, FORMATS.count);
}

export function usedMigrationSection(w: BenefitCostWriter): void {
  const { at, K } = w;
  const { baseline, assumptions } = w.input;
  const c0 = at.migrationCol;
  w.text(at.migrationTitle, c0, w.s.usedTitle, "subtitle");
  stateHeader(w, at.migrationHeader, c0, w.s.rowTotal);
  for (let i = 0; i < K; i++) {
    const r = at.migrationFirst + i;
    const from = baseline.states[i].key;
    w.text(r, c0, w.stateName(i), "bold");
    assumptions.migration[i].forEach((v, j) =>
      w.inputCell(r, c0 + 1 + j, INPUT_KEYS.migration(from, baseline.states[j].key), v, FORMATS.rate),
    );
    w.grid.formula(r, c0 + 1 + K, `SUM(${rowRange(r, c0 + 1, K)})`, sum(assumptions.migration[i]), {
      format: FORMATS.rate,
    });
  }
  const matrix = rangeAddress({
    top: at.migrationFirst,
    left: c0 + 1,
    bottom: at.migrationFirst + K - 1,
    right: c0 + K,
  });
  w.name("LL_Migration", matrix, w.s.migrationName);
  w.name("LL_MigrationRowTotals", columnRange(at.migrationFirst, c0 + 1 + K, K));
  w.decimal(matrix, 0, 1);
  w.flagNotHundredPercent(columnRange(at.migrationFirst, 2 + K, K));
}
