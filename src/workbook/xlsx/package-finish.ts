/**
 * Recalculation on opening, for a workbook.xml a refresh rewrites (a new workbook's is written with it,
 * stream-write.ts).
 */

/**
 * Formulas written without cached results must be computed when the file is opened: fullCalcOnLoad on
 * <calcPr> (which follows <definedNames> in workbook.xml).
 */
export function withFullCalcOnLoad(workbookXml: string): string {
  // Any prefix the file gives the main namespace (<x:calcPr>).
  const calc = /<(?:\w+:)?calcPr\b[^>]*?(\/?)>/.exec(workbookXml);
  if (calc) {
    if (/fullCalcOnLoad=/.test(calc[0]))
      return workbookXml.replace(calc[0], calc[0].replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"'));
    return workbookXml.replace(calc[0], calc[0].replace(/^<([\w:]*calcPr)/, '<$1 fullCalcOnLoad="1"'));
  }
  const names = /<\/(?:\w+:)?definedNames>/;
  const anchor = names.test(workbookXml) ? names : /<\/(?:\w+:)?sheets>/;
  return workbookXml.replace(anchor, (end) => `${end}<calcPr fullCalcOnLoad="1"/>`);
}
