/**
 * One dropdown per column role: the required three always shown, the optional ones folded away. Each
 * offers every column of the table (letter and header) or none; choosing a column another role had moves
 * it (the Source state does that).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  amountFromPrice,
  REQUIRED_ROLES,
  type ColumnRole,
  type DetectedColumns,
} from "../../engine/data/columns";
import { columnLabel, headerlessName, type RawTable } from "../../engine/data/table";
import { useStrings } from "../i18n/context";
import type { Strings } from "../../i18n/pane";
import { ROLES_IN_ORDER } from "../source/inspect";

const NONE = "";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface MappingFieldsProps {
  table: RawTable;
  mapping: DetectedColumns;
  onMap: (role: ColumnRole, column: number | null) => void;
}

/** What a required role's field says under it: why it is missing, or how the amount is made without one. */
/** A column as the dropdowns name it: its letter and header ("B: Date"), the letter alone without a header row. */
function columnOption(strings: Strings, table: RawTable, c: number): string {
  const letter = columnLabel(table, c);
  const header = table.headers[c];
  return strings.columnOption(letter, header === headerlessName(letter) ? "" : header);
}

function roleNote(
  strings: Strings,
  role: ColumnRole,
  table: RawTable,
  mapping: DetectedColumns,
): { state: "error" | "none"; text?: string } {
  const { mapping: columns } = mapping;
  if (!REQUIRED_ROLES.includes(role) || columns[role] !== undefined) return { state: "none" };
  if (role !== "amount") return { state: "error", text: strings.missingColumns(strings.roleLabels[role]) };
  // Line-item exports have no amount: the engine takes quantity × unit price (− discount), as the pane says.
  if (!amountFromPrice(columns)) return { state: "error", text: strings.amountMissing };
  const name = (c: number | undefined) => (c === undefined ? undefined : columnOption(strings, table, c));
  return {
    state: "none",
    text: strings.amountFromPrice(
      name(columns.quantity) ?? "",
      name(columns.price) ?? "",
      name(columns.discount),
    ),
  };
}

function RoleField({ role, table, mapping, onMap }: MappingFieldsProps & { role: ColumnRole }) {
  const { strings } = useStrings();
  const column = mapping.mapping[role];
  const note = roleNote(strings, role, table, mapping);
  return (
    <Field
      label={strings.roleLabels[role]}
      required={REQUIRED_ROLES.includes(role) && !(role === "amount" && amountFromPrice(mapping.mapping))}
      validationState={note.state}
      validationMessage={note.text}
    >
      <Select
        value={column === undefined ? NONE : String(column)}
        onChange={(_, data) => onMap(role, data.value === NONE ? null : Number(data.value))}
      >
        <option value={NONE}>{strings.noColumn}</option>
        {table.headers.map((_, c) => (
          <option key={c} value={String(c)}>
            {columnOption(strings, table, c)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function MappingFields(props: MappingFieldsProps) {
  const styles = useStyles();
  const { strings } = useStrings();
  const optional = ROLES_IN_ORDER.filter((r) => !REQUIRED_ROLES.includes(r));
  return (
    <div className={styles.list}>
      {REQUIRED_ROLES.map((role) => (
        <RoleField key={role} role={role} {...props} />
      ))}
      <Accordion collapsible>
        <AccordionItem value="optional">
          <AccordionHeader size="small">{strings.optionalColumns}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.list}>
              {optional.map((role) => (
                <RoleField key={role} role={role} {...props} />
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
