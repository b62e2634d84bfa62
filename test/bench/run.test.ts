/** The table `npm run bench` prints (bench/run.ts): one aligned row per benchmark, met or not, or failed. */
import { formatTable } from "../../bench/run";

describe("benchmark table", () => {
  it("aligns benchmark, budget, figure and met? and marks missed and failed benchmarks", () => {
    const lines = formatTable([
      { name: "fit", budget: "< 100 ms", figure: "42.0 ms", met: true, seconds: 0.042 },
      { name: "report end to end", budget: "< 30 s", figure: "41.20 s", met: false, seconds: 41.2 },
      {
        name: "pane",
        budget: "",
        figure: "FAILED: no browser",
        met: false,
        seconds: NaN,
        failed: "no browser",
      },
    ] as Parameters<typeof formatTable>[0]);
    expect(lines).toEqual([
      "benchmark          budget    figure              met?",
      "-----------------  --------  ------------------  ------",
      "fit                < 100 ms  42.0 ms             yes",
      "report end to end  < 30 s    41.20 s             NO",
      "pane                         FAILED: no browser  FAILED",
    ]);
  });
});
