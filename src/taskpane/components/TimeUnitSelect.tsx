/** The time-unit dropdown (days, weeks, months), for the models' unit and for a customer summary's. */
import { Select } from "@fluentui/react-components";
import { TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import { useStrings } from "../i18n/context";

export function TimeUnitSelect({ value, onChange }: { value: TimeUnit; onChange: (unit: TimeUnit) => void }) {
  const { strings } = useStrings();
  return (
    <Select value={value} onChange={(_, d) => onChange(d.value as TimeUnit)}>
      {TIME_UNITS.map((u) => (
        <option key={u} value={u}>
          {strings.timeUnits[u]}
        </option>
      ))}
    </Select>
  );
}
