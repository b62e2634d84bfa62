/**
 * The graph of relative imports between the project's source files, read from disk (cached per lint run):
 * what the import-cycle rule walks. Only imports that exist at run time count: `import type` and
 * `export type` are erased by the compiler and cannot leave a module half-initialised.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".cjs"];
const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^"'`;]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

const importsCache = new Map();

/** The file a relative specifier names from `fromFile`, or undefined (a package, or not found). */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, "index" + e)),
  ];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/** The project files `file` imports (relative specifiers only), from its text on disk. */
export function importsOf(file) {
  let found = importsCache.get(file);
  if (found) return found;
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  found = [];
  for (const m of text.matchAll(IMPORT_PATTERN)) {
    const target = resolveImport(file, m[1] ?? m[2]);
    if (target && !found.includes(target)) found.push(target);
  }
  importsCache.set(file, found);
  return found;
}

/** A path of imports from `start` back to `target` (start first), or undefined when there is none. */
export function pathBack(start, target) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, trail] = stack.pop();
    if (file === target) return trail;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file)) if (!seen.has(next)) stack.push([next, [...trail, next]]);
  }
  return undefined;
}
