import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

function mount(host: string | null): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

// Outside Office, Office.onReady still resolves but reports no host: the pane then runs as a browser preview.
if (typeof Office !== "undefined") {
  Office.onReady((info) => mount(info.host ? String(info.host) : null));
} else {
  mount(null);
}
