/**
 * Small checkers for JSON settings: each one takes a value and its path ("model.margin"), records what is
 * wrong in words a user understands (in both languages: setting-texts.ts), and returns the value as the
 * report uses it. Shared by the report
 * config and anything else read from a JSON file or from the settings stored in a workbook.
 */
import { settingProblem, type NumberRule, type SettingProblem } from "./setting-texts";

export type Check<T> = (value: unknown, path: string, problems: SettingProblem[]) => T | undefined;

export function numberIn(rule: NumberRule = {}): Check<number> {
  return (value, path, problems) => {
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.max === undefined || value <= rule.max);
    if (ok) return value;
    problems.push(settingProblem("number", path, rule, value));
    return undefined;
  };
}

export function text(maxLength = 200): Check<string> {
  return (value, path, problems) => {
    if (typeof value === "string" && value.length <= maxLength) return value;
    problems.push(
      typeof value === "string"
        ? settingProblem("tooLong", path, maxLength)
        : settingProblem("notText", path, value),
    );
    return undefined;
  };
}

export function oneOf<T extends string>(choices: readonly T[]): Check<T> {
  return (value, path, problems) => {
    if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
    problems.push(settingProblem("notOneOf", path, choices, value));
    return undefined;
  };
}

export function boolean(): Check<boolean> {
  return (value, path, problems) => {
    if (typeof value === "boolean") return value;
    problems.push(settingProblem("notBoolean", path, value));
    return undefined;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, problems) => (value === null ? null : check(value, path, problems));
}

/** The first check that accepts the value; the problems of the last one otherwise. */
export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, path, problems) => {
    const quiet: SettingProblem[] = [];
    const first = a(value, path, quiet);
    if (quiet.length === 0) return first;
    return b(value, path, problems);
  };
}

export function listOf<T>(check: Check<T>, options: { min?: number; max?: number } = {}): Check<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push(settingProblem("notList", path, value));
      return undefined;
    }
    if (options.min !== undefined && value.length < options.min) {
      problems.push(settingProblem("tooFew", path, options.min));
    }
    if (options.max !== undefined && value.length > options.max) {
      problems.push(settingProblem("tooMany", path, options.max));
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      const checked = check(item, `${path}[${i}]`, problems);
      if (checked !== undefined) out.push(checked);
    });
    return out;
  };
}

export type Fields = Record<string, Check<unknown>>;

/**
 * An object with known fields, each optional unless listed in `required`; unknown fields are problems
 * (a misspelt setting must not be silently ignored). Returns only the fields that were present.
 */
export function objectOf<T>(fields: Fields, required: readonly string[] = []): Check<T> {
  return (value, path, problems) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push(settingProblem("notObject", path, value));
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const prefix = path ? `${path}.` : "";
    for (const [key, v] of Object.entries(value)) {
      const check = fields[key];
      if (!check) {
        problems.push(settingProblem("unknown", `${prefix}${key}`, Object.keys(fields)));
        continue;
      }
      const checked = check(v, `${prefix}${key}`, problems);
      if (checked !== undefined) out[key] = checked;
    }
    for (const key of required) {
      if (!(key in value)) problems.push(settingProblem("missing", `${prefix}${key}`));
    }
    return out as T;
  };
}

/** A plain object (not an array, not null): the values deep merging descends into. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `over` laid onto `base`: objects are merged key by key, anything else (lists included) replaces. */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[key] = key in base ? deepMerge((base as Record<string, unknown>)[key], v) : v;
  }
  return out as T;
}
