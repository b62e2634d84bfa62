/**
 * Writing a user's file so that nothing is ever half-written or lost:
 *
 * - The bytes go to a temporary file in the same folder (same file system, so the rename is atomic), are
 *   flushed to disk (fsync), checked, and only then renamed over the target; the folder is flushed too,
 *   so the rename survives a power cut. If anything fails, the temporary file is removed and the old file
 *   is untouched.
 * - A symbolic link is followed: the real file is replaced and the link stays a link.
 * - A lock file beside the workbook (withFileLock) keeps two refreshes of the same file from running at
 *   once (the second is refused with a message naming the first); temporary files that earlier runs
 *   left behind when they were killed are removed by the run holding the lock.
 *
 * LOYALTY_CRASH_AT (tests only) kills the process at a named phase, to prove that a run killed at any
 * moment leaves the workbook whole: "locked", "temp-written", "renamed".
 */
import { inputError } from "../input-errors";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

export type CrashPhase = "locked" | "temp-written" | "renamed";

/** Kills the process here when a test asked for it (LOYALTY_CRASH_AT). */
export function crashPoint(phase: CrashPhase): void {
  if (process.env.LOYALTY_CRASH_AT === phase) process.kill(process.pid, "SIGKILL");
}

/** The file a path names, with symbolic links followed (also a link to a file that does not exist yet). */
export async function realTarget(target: string): Promise<string> {
  const absolute = path.resolve(target);
  try {
    return await fs.realpath(absolute);
  } catch {
    try {
      const link = await fs.readlink(absolute);
      return path.resolve(path.dirname(absolute), link);
    } catch {
      return absolute;
    }
  }
}

const tempPrefix = (file: string) => `.${path.basename(file)}.`;
const TEMP_SUFFIX = ".tmp";

async function syncFolder(dir: string): Promise<void> {
  // Not every platform can open a folder to flush it (Windows cannot); the rename is atomic anyway.
  const handle = await fs.open(dir, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Writes `bytes` (or the pieces of the file, in order) to `target` as the module says; `check` is given the
 * temporary file once it is on disk, and what it throws leaves the target as it was.
 */
export async function writeFileAtomically(
  target: string,
  bytes: Buffer | readonly Buffer[],
  check?: (written: string) => void | Promise<void>,
): Promise<void> {
  const real = await realTarget(target);
  const dir = path.dirname(real);
  const temp = path.join(dir, `${tempPrefix(real)}${process.pid}.${Date.now().toString(36)}${TEMP_SUFFIX}`);
  try {
    const handle = await fs.open(temp, "wx");
    try {
      if (Buffer.isBuffer(bytes)) await handle.writeFile(bytes);
      else {
        for (const piece of bytes) {
          for (let at = 0; at < piece.length;) at += (await handle.write(piece, at)).bytesWritten;
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    crashPoint("temp-written");
    if (check) await check(temp);
    const mode = await fs.stat(real).then(
      (s) => s.mode,
      () => undefined,
    );
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, real);
    await syncFolder(dir);
    crashPoint("renamed");
  } catch (e) {
    await fs.rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
      throw inputError("writeLocked", { file: target });
    }
    if (code === "ENOENT") throw inputError("writeNoFolder", { file: target, folder: dir });
    if (code === "ENOSPC") throw inputError("diskFull", { file: target });
    throw e;
  }
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file of a workbook: beside it, hidden, named after it. */
export function lockPathOf(realFile: string): string {
  return path.join(path.dirname(realFile), `.${path.basename(realFile)}.loyalty-lock`);
}

/**
 * Runs `work` while holding the lock of `file` (the real file, links followed). A lock held by a running
 * process refuses with a message; one left by a process that no longer runs is taken over. Temporary files
 * of earlier runs are removed once the lock is held.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const real = await realTarget(file);
  const lock = lockPathOf(real);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lock, JSON.stringify(info), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw e;
      const held = await fs
        .readFile(lock, "utf8")
        .then((t) => JSON.parse(t) as LockInfo)
        .catch(() => undefined);
      const alive = held && (held.host !== info.host || isRunning(held.pid));
      if (alive) {
        throw inputError("refreshRunning", {
          file: path.basename(file),
          pid: held.pid,
          host: held.host,
          started: held.started,
          lock,
        });
      }
      // Left by a run that was killed: take it over.
      await fs.rm(lock, { force: true });
    }
  }
  try {
    crashPoint("locked");
    const prefix = tempPrefix(real);
    for (const name of await fs.readdir(path.dirname(real))) {
      if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) {
        await fs.rm(path.join(path.dirname(real), name), { force: true });
      }
    }
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
