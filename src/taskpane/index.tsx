/**
 * Starts the pane. Inside Excel, Office.onReady reports the host and the pane works on the open workbook
 * through the Office adapter; in a plain browser it reports no host (or Office.js is absent) and the pane
 * runs as the browser preview on an in-memory workbook.
 */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { App, type OfficeConnection } from "./App";

function mount(office: OfficeConnection | null): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App office={office} />);
}

if (typeof Office !== "undefined") {
  Office.onReady((info) =>
    mount(info.host ? { host: String(info.host), workbook: new OfficeWorkbook() } : null),
  );
} else {
  mount(null);
}
