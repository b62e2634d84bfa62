/**
 * loyalty/no-import-cycle: no module may import, directly or through others, a module that imports it
 * back. A cycle makes the load order decide which module sees the other half-initialised, and two modules
 * that cannot be understood or moved one without the other. The message gives the whole cycle.
 */
import path from "node:path";
import { pathBack, resolveImport } from "./import-graph.mjs";

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "forbid import cycles between the project's modules (type-only imports excepted)" },
    schema: [],
    messages: {
      cycle:
        "import cycle: {{cycle}}. Move what both need into a module that imports neither (see docs/architecture.md).",
    },
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const check = (node, specifier) => {
      if (typeof specifier !== "string") return;
      const target = resolveImport(file, specifier);
      if (!target || target === file) return;
      const back = pathBack(target, file);
      if (!back) return;
      const cycle = [file, ...back].map((f) => path.relative(root, f)).join(" -> ");
      context.report({ node, messageId: "cycle", data: { cycle } });
    };
    return {
      ImportDeclaration(node) {
        if (node.importKind !== "type") check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== "type") check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== "type") check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value);
      },
    };
  },
};
