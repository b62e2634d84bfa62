/**
 * A message of the result card about some cells: a link that selects them (its label names them for
 * screen readers), or plain text when the message has no place in the workbook.
 */
import { Body1, Link } from "@fluentui/react-components";
import { quoteSheetName } from "../../sheet/a1";
import type { WarningPlace } from "../../report/report-summary";
import { useStrings } from "../i18n/context";
import { useResultStyles } from "./result-styles";

/** The place as Excel writes a reference to it: 'LL Customers'!B5. */
export function placeReference(where: WarningPlace): string {
  return `${quoteSheetName(where.sheet)}!${where.range}`;
}

interface PlaceLinkProps {
  text: string;
  where: WarningPlace | undefined;
  onSelect: (place: WarningPlace) => void;
}

export function PlaceLink({ text, where, onSelect }: PlaceLinkProps) {
  const styles = useResultStyles();
  const { strings } = useStrings();
  if (!where) return <Body1>{text}</Body1>;
  return (
    <Link
      // A span, not a button: a button is an inline block, its bullet on its last line.
      as="span"
      role="button"
      className={styles.inlineLink}
      onClick={() => onSelect(where)}
      aria-label={`${text}. ${strings.showCells}: ${placeReference(where)}`}
    >
      {text}
    </Link>
  );
}
