/**
 * A real PostgreSQL server for the tests of the SQL that `loyalty sql --dialect postgres` writes: a new
 * cluster in a temporary folder (initdb), started on a free local port with its socket in that folder
 * (pg_ctl), queried with psql, stopped and removed afterwards. Nothing listens beyond 127.0.0.1.
 *
 * initdb and pg_ctl refuse to run as root: as root, the cluster belongs to the `postgres` user (made by
 * Debian's postgresql package) and the commands run as that user.
 *
 * Tests that need it are declared with `describeWithPostgres`: skipped, and counted in one line at the
 * end of the run, where PostgreSQL is not installed (apt-get install postgresql); a failure on CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describeWithTool } from "./needs-tool";

/** The words that mark a test group needing PostgreSQL; the end-of-run reporter counts them. */
export const NEEDS_POSTGRES = "[needs PostgreSQL]";

/** The folder of Debian's PostgreSQL server programs (the newest version installed), or null. */
function serverBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], "bin") : null;
}

function psqlInstalled(): boolean {
  const probe = spawnSync("psql", ["--version"], { encoding: "utf8" });
  return probe.error === undefined && probe.status === 0;
}

export function postgresInstalled(): boolean {
  return serverBin() !== null && psqlInstalled();
}

/** `describe` for tests against a real PostgreSQL (see describeWithTool). */
export function describeWithPostgres(name: string, body: () => void): void {
  const missing = "PostgreSQL is not installed: apt-get install postgresql";
  describeWithTool({ marker: NEEDS_POSTGRES, installed: postgresInstalled, missing }, name, body);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** Runs SQL (statements or one query) and returns the rows of the last result as CSV text records. */
  query(sql: string): string[][];
  /** Loads a CSV file (with a header) into a new table with the given column definitions. */
  loadCsv(table: string, columnsSql: string, csvText: string): void;
  stop(): void;
}

/** A CSV record parser for psql's --csv output (quotes doubled inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = serverBin();
  if (!bin) throw new Error("PostgreSQL's server programs are not installed: apt-get install postgresql");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-postgres-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const asOwner = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8", cwd: dir })
      : execFileSync(command, args, { encoding: "utf8", cwd: dir });
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  asOwner(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  const port = await freePort();
  asOwner(path.join(bin, "pg_ctl"), [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  const psql = (args: string[], input?: string) =>
    execFileSync(
      "psql",
      ["-X", "-q", "-h", dir, "-p", String(port), "-U", "postgres", "-d", "postgres", ...args],
      {
        encoding: "utf8",
        input,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
  return {
    query(sql) {
      const file = path.join(dir, `query-${Date.now()}-${Math.random().toString(36).slice(2)}.sql`);
      writeFileSync(file, sql);
      chmodSync(file, 0o644);
      return parseCsv(psql(["-v", "ON_ERROR_STOP=1", "--csv", "-f", file]));
    },
    loadCsv(table, columnsSql, csvText) {
      psql(["-v", "ON_ERROR_STOP=1", "-c", `CREATE TABLE ${table} (${columnsSql})`]);
      psql(
        ["-v", "ON_ERROR_STOP=1", "-c", `\\copy ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`],
        csvText,
      );
    },
    stop() {
      try {
        asOwner(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
