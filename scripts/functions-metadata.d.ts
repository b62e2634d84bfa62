/* Types of functions-metadata.js (plain CommonJS so that webpack.config.js can require it). */
import type { Compiler } from "webpack";

export interface ParamMeta {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  [key: string]: unknown;
}
export interface Metadata {
  functions: FunctionMeta[];
  [key: string]: unknown;
}
export interface FunctionTranslation {
  description: string;
  parameters: Record<string, string>;
}
export type TranslationTable = Record<string, FunctionTranslation>;

export const LOCALES: string[];
export function helpFile(locale?: string): string;
export function checkMetadata(meta: Metadata, locale?: string): string[];
export function normaliseDescriptions(meta: Metadata): Metadata;
export function rewriteHelpUrls(meta: Metadata, from: string, to: string): Metadata;
export function localiseMetadata(
  meta: Metadata,
  table: TranslationTable,
  locale: string,
): { meta: Metadata; problems: string[] };
export function helpPage(meta: Metadata, text: Record<string, unknown>): string;
export function buildMetadataFiles(
  generated: Metadata,
  urls: { devBaseUrl: string; baseUrl: string },
): { files: Record<string, string>; problems: string[] };
export function loadTranslations(locale: string): TranslationTable;
export class FunctionsMetadataFilesPlugin {
  constructor(urls: { devBaseUrl: string; baseUrl: string });
  apply(compiler: Compiler): void;
}
