/** The message bar: what is wrong (the error's own words), and what to do about it. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useStrings } from "../i18n/context";
import type { Strings } from "../i18n/strings";
import type { PaneMessage } from "../state/pane-message";

const FIXES: Record<PaneMessage["fix"], (s: Strings) => string> = {
  data: (s) => s.fixData,
  file: (s) => s.fixFile,
  internal: (s) => s.fixInternal,
};

export function ErrorBar({ message, onDismiss }: { message: PaneMessage; onDismiss: () => void }) {
  const { strings } = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        <div>{message.text}</div>
        <div>
          {strings.whatToDo} {FIXES[message.fix](strings)}
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {strings.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
