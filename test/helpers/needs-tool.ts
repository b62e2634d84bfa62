/**
 * `describe` for tests that need a program outside Node (LibreOffice, PostgreSQL): where it is not
 * installed they are skipped, and test/setup/missing-tools-reporter.js counts them in one line at the
 * end of the run by the `marker` in their title; on CI (which installs them) its absence is a failure.
 */
export function describeWithTool(
  tool: { marker: string; installed: () => boolean; missing: string },
  name: string,
  body: () => void,
): void {
  const title = `${name} ${tool.marker}`;
  if (tool.installed()) describe(title, body);
  else if (process.env.CI) {
    describe(title, () => {
      it("has the program it needs", () => {
        throw new Error(`${tool.missing} on CI`);
      });
    });
  } else describe.skip(title, body);
}
