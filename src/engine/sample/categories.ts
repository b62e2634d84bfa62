/**
 * The product catalogue of the generated samples: categories of a beauty-and-lifestyle store, in English
 * and Chinese, each with its brands. Tastes are drawn per member: a favourite category that most of their
 * lines are in, the rest spread over the catalogue.
 */
import type { Random } from "../math/random";

export interface SampleCategory {
  en: string;
  zh: string;
  brands: readonly string[];
}

export const SAMPLE_CATEGORIES: readonly SampleCategory[] = [
  { en: "Skincare", zh: "护肤", brands: ["Aurora", "Lumen", "Mistral"] },
  { en: "Makeup", zh: "彩妆", brands: ["Velvet", "Prism"] },
  { en: "Fragrance", zh: "香水", brands: ["Solace", "Nocturne"] },
  { en: "Hair care", zh: "洗护发", brands: ["Silkwave", "Rootline"] },
  { en: "Body care", zh: "身体护理", brands: ["Balm & Co", "Tidewater"] },
  { en: "Snacks", zh: "零食", brands: ["Crispy", "Sweet Hill"] },
  { en: "Tea & coffee", zh: "茶咖", brands: ["Leaf Lane", "Dark Roast"] },
  { en: "Wine & spirits", zh: "酒水", brands: ["Vinea", "Old Cask"] },
  { en: "Home", zh: "家居", brands: ["Nestwell", "Linen Row"] },
  { en: "Baby", zh: "母婴", brands: ["Little Oak", "Cradle"] },
];

/** The category of one line: the favourite with probability `loyalty`, else any category (weighted). */
export function pickCategory(
  rng: Random,
  favourite: number,
  loyalty: number,
  weights: readonly number[],
): number {
  if (rng.uniform() < loyalty) return favourite;
  let u = rng.uniform() * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k];
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/** Popularity of the categories in the samples: the first ones sell more, as in a real store. */
export const CATEGORY_WEIGHTS: readonly number[] = SAMPLE_CATEGORIES.map((_, k) => 1 / (1 + 0.25 * k));
