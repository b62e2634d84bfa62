import {
  buildMetadataFiles,
  checkMetadata,
  localiseMetadata,
  type Metadata,
} from "../../scripts/functions-metadata";

const DEV = "https://localhost:3000/";

function meta(): Metadata {
  return {
    functions: [
      {
        id: "LTV",
        name: "LTV",
        description: "Classic lifetime value,\nwrapped by JSDoc.",
        helpUrl: `${DEV}help.html#ltv`,
        parameters: [
          { name: "avg_value", description: "Average value of one purchase." },
          { name: "periods", description: "Number of periods.", optional: true },
        ],
      },
    ],
  };
}

describe("what the build makes of functions.json", () => {
  it("accepts complete metadata and reports what is missing", () => {
    expect(checkMetadata(meta())).toEqual([]);
    const m = meta();
    m.functions[0].parameters[1].description = "";
    m.functions[0].helpUrl = `${DEV}help.html#other`;
    m.functions[0].parameters[0].description = "x".repeat(256);
    expect(checkMetadata(m)).toEqual([
      "LTV: help URL https://localhost:3000/help.html#other should end with help.html#ltv",
      "LTV: parameter avg_value: description longer than 255 characters",
      "LTV: parameter periods has no description",
    ]);
  });

  it("localises descriptions and help URLs, keeping ids, names and parameter names", () => {
    const { meta: zh, problems } = localiseMetadata(
      meta(),
      {
        LTV: {
          description: "经典客户终身价值。",
          parameters: { avg_value: "平均客单价。", periods: "期数。" },
        },
      },
      "zh-CN",
    );
    expect(problems).toEqual([]);
    expect(zh.functions[0]).toMatchObject({
      id: "LTV",
      name: "LTV",
      description: "经典客户终身价值。",
      helpUrl: `${DEV}help.zh-CN.html#ltv`,
      parameters: [
        { name: "avg_value", description: "平均客单价。" },
        { name: "periods", optional: true },
      ],
    });
  });

  it("fails the build when a translation is missing or names something that does not exist", () => {
    const { problems } = localiseMetadata(
      meta(),
      {
        LTV: { description: "价值。", parameters: { avg_value: "金额。", horizon: "期限。" } },
        CLV: { description: "x", parameters: {} },
      },
      "zh-CN",
    );
    expect(problems).toEqual([
      "zh-CN: CLV is not a function",
      "zh-CN: LTV has no parameter horizon",
      "zh-CN: no translation of LTV parameter periods",
    ]);
  });

  it("writes production help URLs, one-line descriptions and static help pages", () => {
    const { files } = buildMetadataFiles(meta(), { devBaseUrl: DEV, baseUrl: "https://example.org/ll/" });
    const json = JSON.parse(files["functions.json"]) as Metadata;
    expect(json.functions[0].helpUrl).toBe("https://example.org/ll/help.html#ltv");
    expect(json.functions[0].description).toBe("Classic lifetime value, wrapped by JSDoc.");
    expect(files["help.html"]).toContain("<code>=LOYALTY.LTV(avg_value, [periods])</code>");
    expect(files["help.html"]).not.toContain("<script");
    expect(Object.keys(files).sort()).toEqual([
      "functions.json",
      "functions.zh-CN.json",
      "help.html",
      "help.zh-CN.html",
    ]);
  });

  it("escapes text from the metadata in the help page", () => {
    const m = meta();
    m.functions[0].description = "a < b & <script>alert(1)</script>";
    const { files } = buildMetadataFiles(m, { devBaseUrl: DEV, baseUrl: DEV });
    expect(files["help.html"]).toContain("a &lt; b &amp; &lt;script&gt;");
  });
});
