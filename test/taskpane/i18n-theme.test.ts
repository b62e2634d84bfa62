import { languageOf } from "../../src/taskpane/i18n/language";
import { formatNumber, STRINGS, type Strings } from "../../src/i18n/pane";
import { sheetLabel } from "../../src/taskpane/state/run-state";
import { isDarkBackground, luminance } from "../../src/taskpane/theme";

/** Every text of a strings table, functions called with sample values, keyed by path. */
function texts(strings: Strings): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") out.set(path, value);
    else if (typeof value === "function")
      out.set(path, String((value as (...a: string[]) => unknown)("X", "Y")));
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(strings, "");
  return out;
}

describe("the pane's languages", () => {
  it("follows Office's display language: every Chinese locale gets Chinese, the rest English", () => {
    expect(languageOf("zh-CN")).toBe("zh-CN");
    expect(languageOf("zh-TW")).toBe("zh-CN");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("fr-FR")).toBe("en");
    expect(languageOf(undefined)).toBe("en");
  });

  it("has a Chinese text for every English label (names and numbers aside)", () => {
    const en = texts(STRINGS.en);
    const zh = texts(STRINGS["zh-CN"]);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    const untranslated = [...en].filter(
      ([path, text]) => zh.get(path) === text && /[a-z]{3}/i.test(text) && !path.startsWith(".languageNames"),
    );
    expect(untranslated).toEqual([]);
  });

  it("names a generated sheet from its kind or its sheet name, other names as they are", () => {
    expect(sheetLabel(STRINGS.en, "LL Key dates")).toBe("Key dates");
    expect(sheetLabel(STRINGS.en, "benefit-cost")).toBe("Benefit cost");
    expect(sheetLabel(STRINGS["zh-CN"], "key-dates")).toBe("关键日期");
    expect(sheetLabel(STRINGS["zh-CN"], "LL Data quality")).toBe("数据质量");
    expect(sheetLabel(STRINGS["zh-CN"], "Notes")).toBe("Notes");
    expect(sheetLabel(STRINGS.en, "toString")).toBe("toString");
  });

  it("says which date proposes the date order, in the words of the Date order options", () => {
    for (const language of ["en", "zh-CN"] as const) {
      const strings = STRINGS[language];
      for (const order of ["dmy", "mdy"] as const) {
        const hint = strings.dayOrderProposed("25/12/2023", order);
        expect(hint).toContain("25/12/2023");
        // The option's name without its example ("Day first (31/12/2024)" -> "day first").
        const option = strings.dayOrders[order].replace(/\s*[（(].*$/, "").toLowerCase();
        expect(hint.toLowerCase()).toContain(option);
      }
    }
  });

  it("writes numbers with the language's separators", () => {
    expect(formatNumber("en", 15234)).toBe("15,234");
    expect(formatNumber("zh-CN", 1234.567, 1)).toBe("1,234.6");
  });
});

describe("the theme", () => {
  it("calls a dark Office body background dark and a light one light", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(isDarkBackground("#1f1f1f")).toBe(true);
    expect(isDarkBackground("#FFFFFF")).toBe(false);
    expect(isDarkBackground(undefined)).toBe(false);
  });
});
