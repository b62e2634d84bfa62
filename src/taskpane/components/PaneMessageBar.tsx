/**
 * The message bar: an error (in the pane's language when it has a code, else in its own English words, and
 * what to do about it), or a warning after a build that worked (in the pane's language, and what to do).
 */
import { useEffect, useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useStrings } from "../i18n/context";
import { shownText } from "../../i18n/messages";
import type { Strings } from "../../i18n/pane";
import type { PaneError, PaneMessage } from "../state/pane-message";

const FIXES: Record<PaneError["fix"], (s: Strings) => string> = {
  data: (s) => s.fixData,
  dayOrder: (s) => s.fixDayOrder,
  noHeader: (s) => s.fixNoHeader,
  file: (s) => s.fixFile,
  internal: (s) => s.fixInternal,
};

export function PaneMessageBar({ message, onDismiss }: { message: PaneMessage; onDismiss: () => void }) {
  const { strings, language } = useStrings();
  const error = "text" in message;
  // A fault of ours is said in the pane's language, its own (JavaScript, browser) words as technical detail.
  const errorText = (e: PaneError) =>
    e.workerStopped !== undefined
      ? strings.workerStopped(e.workerStopped)
      : e.fix === "internal"
        ? strings.internalError(e.text)
        : shownText(language, e.detail, e.text);
  // A new error takes the focus, so the user (and a screen reader) is taken to it at once.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) bar.current?.focus();
  }, [message, error]);
  return (
    <MessageBar
      ref={bar}
      tabIndex={-1}
      intent={error ? "error" : "warning"}
      layout="multiline"
      role={error ? "alert" : "status"}
    >
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        <div>{error ? errorText(message) : strings.dayOrderUnread}</div>
        <div>
          {strings.whatToDo} {FIXES[error ? message.fix : message.warning](strings)}
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
