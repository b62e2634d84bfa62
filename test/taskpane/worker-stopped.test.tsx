/**
 * A worker of the pane that stops (its script not loaded, an error nothing caught) fails what it was doing
 * at once, and the message bar says so in the pane's language, the browser's words as technical detail
 * (#20): the build's and the look's workers (WorkerRunner) and the preview's workbook (PreviewHost).
 */
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { PaneMessageBar } from "../../src/taskpane/components/PaneMessageBar";
import { paneMessageOf } from "../../src/taskpane/state/pane-message";
import { WorkerStopped } from "../../src/taskpane/work/errors";
import { paneWork, PreviewHost } from "../../src/taskpane/work/workers";
import { STRINGS, type Language } from "../../src/i18n/pane";
import { latinWordsOf, KEPT_FRONT_END_WORDS } from "../helpers/kept-latin-words";
import { renderInLanguage } from "./render-in-language";

/** A worker that answers nothing and can be made to fail as a browser's worker fails: an "error" event. */
class StoppingWorker extends EventTarget {
  static made: StoppingWorker[] = [];
  posted: unknown[] = [];
  constructor() {
    super();
    StoppingWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {}
  stop(message: string): boolean {
    const event = new Event("error", { cancelable: true }) as Event & { message: string };
    event.message = message;
    return this.dispatchEvent(event);
  }
}

const start = () => new StoppingWorker() as unknown as Worker;

const bar = (language: Language, e: unknown) =>
  renderInLanguage(language, <PaneMessageBar message={paneMessageOf(e)!} onDismiss={() => undefined} />)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("a worker of the pane that stops", () => {
  it("fails the build it was running with WorkerStopped, the browser's reason kept", async () => {
    const work = paneWork(start);
    const running = work.build.run(new MemoryWorkbook(), { kind: "head" } as never);
    const worker = StoppingWorker.made[StoppingWorker.made.length - 1];
    // The page handles it: the browser does not report it as an uncaught error of the page.
    expect(worker.stop("Uncaught RangeError: Array buffer allocation failed")).toBe(false);
    const e = await running.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerStopped);
    expect((e as WorkerStopped).reason).toBe("Uncaught RangeError: Array buffer allocation failed");
  });

  it("fails what the preview's workbook worker was doing (opening a file) instead of waiting for ever", async () => {
    const host = new PreviewHost(start());
    const worker = StoppingWorker.made[StoppingWorker.made.length - 1];
    const opening = host.sample(100);
    worker.stop("");
    const e = await opening.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerStopped);
    expect((e as WorkerStopped).reason).toBe("");
  });

  it("is said in the pane's language, the browser's words as technical detail", () => {
    const crash = new WorkerStopped("Uncaught RangeError: Array buffer allocation failed");
    expect(paneMessageOf(crash)).toMatchObject({ fix: "internal", workerStopped: crash.reason });
    expect(bar("en", crash)).toContain(
      "The pane&#x27;s background work stopped: Uncaught RangeError: Array buffer allocation failed",
    );
    const zh = bar("zh-CN", crash);
    expect(zh).toContain(
      "窗格的后台任务意外停止（技术信息：Uncaught RangeError: Array buffer allocation failed）",
    );
    expect(zh).toContain(STRINGS["zh-CN"].fixInternal);
    // Without a reason (its script could not be loaded) there is no English at all.
    const unloaded = bar("zh-CN", new WorkerStopped(""));
    expect(unloaded).toContain("窗格的后台任务意外停止：无法加载其脚本");
    expect(latinWordsOf(unloaded, KEPT_FRONT_END_WORDS)).toEqual([]);
    expect(bar("en", new WorkerStopped(""))).toContain(
      "The pane&#x27;s background work stopped: its script could not be loaded",
    );
  });

  it("and any other fault of ours too", () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(bar("zh-CN", fault)).toContain(
      "Loyalty Lens 内部出错（技术信息：Cannot read properties of undefined (reading &#x27;x&#x27;)）",
    );
    expect(bar("en", fault)).toContain("Cannot read properties of undefined (reading &#x27;x&#x27;)");
    expect(bar("en", fault)).not.toContain("技术信息");
  });
});
