/**
 * Small checkers for JSON settings: each one takes a value and its path ("model.margin"), records what is
 * wrong in words a user understands, and returns the value as the report uses it. Shared by the report
 * config and anything else read from a JSON file or from the settings stored in a workbook.
 */
export type Check<T> = (value: unknown, path: string, problems: string[]) => T | undefined;

function shown(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value);
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

function describeNumber(rule: NumberRule): string {
  const kind = rule.integer ? "a whole number" : "a number";
  if (rule.min !== undefined && rule.max !== undefined) return `${kind} from ${rule.min} to ${rule.max}`;
  if (rule.min !== undefined) return `${kind} of at least ${rule.min}`;
  if (rule.max !== undefined) return `${kind} of at most ${rule.max}`;
  return kind;
}

export function numberIn(rule: NumberRule = {}): Check<number> {
  return (value, path, problems) => {
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.max === undefined || value <= rule.max);
    if (ok) return value;
    problems.push(`"${path}" must be ${describeNumber(rule)} (got ${shown(value)})`);
    return undefined;
  };
}

export function text(maxLength = 200): Check<string> {
  return (value, path, problems) => {
    if (typeof value === "string" && value.length <= maxLength) return value;
    problems.push(
      typeof value === "string"
        ? `"${path}" must be at most ${maxLength} characters long`
        : `"${path}" must be text (got ${shown(value)})`,
    );
    return undefined;
  };
}

export function oneOf<T extends string>(choices: readonly T[]): Check<T> {
  return (value, path, problems) => {
    if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
    problems.push(
      `"${path}" must be one of ${choices.map((c) => `"${c}"`).join(", ")} (got ${shown(value)})`,
    );
    return undefined;
  };
}

export function boolean(): Check<boolean> {
  return (value, path, problems) => {
    if (typeof value === "boolean") return value;
    problems.push(`"${path}" must be true or false (got ${shown(value)})`);
    return undefined;
  };
}

/** null is allowed and kept (it means "not set" or "none" where the field says so). */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, problems) => (value === null ? null : check(value, path, problems));
}

/** The first check that accepts the value; the problems of the last one otherwise. */
export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, path, problems) => {
    const quiet: string[] = [];
    const first = a(value, path, quiet);
    if (quiet.length === 0) return first;
    return b(value, path, problems);
  };
}

export function listOf<T>(check: Check<T>, options: { min?: number; max?: number } = {}): Check<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push(`"${path}" must be a list (got ${shown(value)})`);
      return undefined;
    }
    if (options.min !== undefined && value.length < options.min) {
      problems.push(`"${path}" needs at least ${options.min} item${options.min === 1 ? "" : "s"}`);
    }
    if (options.max !== undefined && value.length > options.max) {
      problems.push(`"${path}" has more than ${options.max} items`);
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
      problems.push(`${path ? `"${path}"` : "the settings"} must be an object (got ${shown(value)})`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const prefix = path ? `${path}.` : "";
    for (const [key, v] of Object.entries(value)) {
      const check = fields[key];
      if (!check) {
        problems.push(
          `unknown setting "${prefix}${key}" (known: ${Object.keys(fields)
            .map((k) => `"${k}"`)
            .join(", ")})`,
        );
        continue;
      }
      const checked = check(v, `${prefix}${key}`, problems);
      if (checked !== undefined) out[key] = checked;
    }
    for (const key of required) {
      if (!(key in value)) problems.push(`"${prefix}${key}" is missing`);
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
