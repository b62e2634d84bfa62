/**
 * The rule of a format or validation as one text (format-rules.ts), and the one decision of whose a
 * format found in the report's parts is (user-objects.ts isReportFormat): the report's where it is of a
 * kind, range and rule the report wrote; a rule the user changed makes it theirs.
 */
import { modelFormatRule, modelValidationRule, ruleText } from "../../src/workbook/format-rules";
import type { ReportFormats } from "../../src/workbook/registry";
import { isReportFormat } from "../../src/workbook/user-objects";

describe("ruleText: one text per rule, whoever read it", () => {
  it("names an operator alike in Excel's API and in a file", () => {
    expect(ruleText({ operator: "GreaterThanOrEqualTo", formulas: [0] })).toBe(
      ruleText({ operator: "greaterThanOrEqual", formulas: ["0"] }),
    );
    expect(ruleText({ operator: "EqualTo", formulas: [1] })).toBe(
      ruleText({ operator: "equal", formulas: [1] }),
    );
    expect(ruleText({ operator: "between", formulas: [1, 2] })).not.toBe(
      ruleText({ operator: "notBetween", formulas: [1, 2] }),
    );
  });

  it("reads formulas with or without '=', numbers as Excel keeps them, a list's quoted values as its values", () => {
    expect(ruleText({ formulas: ["=0.95"] })).toBe(ruleText({ formulas: [0.95] }));
    // 1 - 0.05 is 0.95 to Excel's 15 digits.
    expect(ruleText({ formulas: [1 - 0.05] })).toBe(ruleText({ formulas: ["0.95"] }));
    expect(ruleText({ formulas: ['"yes,no"'] })).toBe(ruleText({ formulas: ["yes,no"] }));
    expect(ruleText({ formulas: ["=$B$2"] })).toBe(ruleText({ formulas: ["$B$2"] }));
    expect(ruleText({ formulas: ["yes,no"] })).not.toBe(ruleText({ formulas: ["yes,no,maybe"] }));
    // A bound left blank is no bound.
    expect(ruleText({ formulas: [5, null, ""] })).toBe(ruleText({ formulas: [5] }));
  });

  it("reads colours with or without '#' or alpha, in either case", () => {
    expect(ruleText({ colors: ["#5b9bd5"] })).toBe(ruleText({ colors: ["FF5B9BD5"] }));
    expect(ruleText({ colors: ["#5B9BD5"] })).not.toBe(ruleText({ colors: ["#70AD47"] }));
  });

  it("gives the model's formats and validation the rules Excel's API reads back from what the adapter wrote", () => {
    expect(modelFormatRule({ type: "dataBar", range: "A1:A9", color: "#5B9BD5" })).toBe(
      ruleText({ colors: ["#5B9BD5"] }),
    );
    expect(
      modelFormatRule({
        type: "cellValue",
        range: "A1:A9",
        operator: "between",
        operands: [0.3, "$B$2"],
        style: { fill: "#FFC7CE" },
      }),
    ).toBe(ruleText({ operator: "Between", formulas: ["=0.3", "=$B$2"] }));
    expect(modelValidationRule({ type: "decimal", range: "C5:D8", min: 0 })).toBe(
      ruleText({ operator: "GreaterThanOrEqualTo", formulas: [0] }),
    );
    expect(modelValidationRule({ type: "list", range: "C5", values: ["Done", "Later"] })).toBe(
      ruleText({ formulas: ["Done,Later"] }),
    );
    expect(modelValidationRule({ type: "whole", range: "C5" })).toBe(
      ruleText({ operator: "Between", formulas: [-1e307, 1e307] }),
    );
  });
});

describe("isReportFormat: the report's by kind, range and rule", () => {
  const atLeast = (n: number) => ruleText({ operator: "greaterThanOrEqual", formulas: [n] });
  const recorded = (rule?: string): ReportFormats => ({
    conditionalFormats: [],
    validations: [{ type: "decimal", range: "C5:D8", ...(rule === undefined ? {} : { rule }) }],
  });
  const now = recorded(atLeast(0));
  const found = (rule: string | undefined, ref = "C5:D8") => ({
    what: "validation" as const,
    type: "Decimal",
    ref,
    rule,
  });

  it("is the report's where its kind, range and rule are those the last build wrote", () => {
    expect(isReportFormat(found(atLeast(0)), { formats: recorded(atLeast(0)), now })).toBe(true);
    // Part of the range, as a file or Excel may cut it.
    expect(isReportFormat(found(atLeast(0), "C6:C7"), { formats: recorded(atLeast(0)), now })).toBe(true);
    // Beyond the range, or of another kind: the user's.
    expect(isReportFormat(found(atLeast(0), "C5:E8"), { formats: recorded(atLeast(0)), now })).toBe(false);
    expect(
      isReportFormat({ ...found(atLeast(0)), type: "WholeNumber" }, { formats: recorded(atLeast(0)), now }),
    ).toBe(false);
  });

  it("is the user's when they changed its rule, though kind and range are the report's", () => {
    expect(isReportFormat(found(atLeast(100)), { formats: recorded(atLeast(0)), now })).toBe(false);
    // Even when the new build would write that rule: what the last build wrote there is what counts.
    expect(
      isReportFormat(found(atLeast(100)), { formats: recorded(atLeast(0)), now: recorded(atLeast(100)) }),
    ).toBe(false);
  });

  it("compares with what the new build writes where the registry recorded no rule (an earlier build)", () => {
    expect(isReportFormat(found(atLeast(0)), { formats: recorded(), now })).toBe(true);
    expect(isReportFormat(found(atLeast(100)), { formats: recorded(), now })).toBe(false);
  });

  it("on a sheet written before formats were recorded: the report's only where the new build writes that kind and rule", () => {
    expect(isReportFormat(found(atLeast(0)), { formats: undefined, now })).toBe(true);
    expect(isReportFormat(found(atLeast(100)), { formats: undefined, now })).toBe(false);
    expect(isReportFormat({ ...found(atLeast(0)), type: "List" }, { formats: undefined, now })).toBe(false);
  });

  it("decides by kind and range alone for an adapter that cannot read the rule", () => {
    expect(isReportFormat(found(undefined), { formats: recorded(atLeast(0)), now })).toBe(true);
    expect(isReportFormat(found(undefined), { formats: undefined, now })).toBe(true);
    expect(isReportFormat(found(undefined, "C5:E8"), { formats: recorded(atLeast(0)), now })).toBe(false);
  });
});
