/**
 * Writes a file so that a failure never leaves a broken one: the bytes go to a temporary file in the same
 * folder (same file system, so the rename is atomic), are checked, and only then replace the target. If
 * anything fails, the temporary file is removed and the old file is untouched.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { UserError } from "../user-error";

export async function writeFileAtomically(
  target: string,
  bytes: Buffer,
  check?: (written: Buffer) => void,
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    if (check) check(await fs.readFile(temp));
    const mode = await fs.stat(target).then(
      (s) => s.mode,
      () => undefined,
    );
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
      throw new UserError(
        `cannot write ${target}: it is read-only or open in another program (close it in Excel)`,
      );
    }
    if (code === "ENOENT") throw new UserError(`cannot write ${target}: the folder ${dir} does not exist`);
    if (code === "ENOSPC") throw new UserError(`cannot write ${target}: the disk is full`);
    throw e;
  }
}
