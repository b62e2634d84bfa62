/** Styles shared by the parts of the result card. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  // The number above its label (the label first for screen readers), numbers aligned at the top.
  figure: { display: "flex", flexDirection: "column-reverse", justifyContent: "flex-end", margin: 0 },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    // The text's own size, so a bullet sits on the baseline of its item's first line.
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  heading: { display: "block", margin: 0 },
  wrap: { overflowWrap: "anywhere" },
  // A line of its own under a link.
  place: { display: "block" },
  // A link that wraps over lines stays with its bullet.
  inlineLink: { display: "inline", textAlign: "left" },
});
