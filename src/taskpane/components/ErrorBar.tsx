/** The message bar: what is wrong (the error's own words), and what to do about it. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useStrings } from "../i18n/context";
import type { PaneMessage } from "../state/pane-message";

export function ErrorBar({ message, onDismiss }: { message: PaneMessage; onDismiss: () => void }) {
  const { strings } = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        <div>{message.text}</div>
        <div>
          {strings.whatToDo} {message.fix === "data" ? strings.fixData : strings.fixInternal}
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
