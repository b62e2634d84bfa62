/** The pane's workers, for the hooks that run requests in them (set once by the App). */
import { createContext, useContext } from "react";
import type { PaneWork } from "./workers";

export const WorkContext = createContext<PaneWork | null>(null);

export function usePaneWork(): PaneWork {
  const work = useContext(WorkContext);
  if (!work) throw new Error("the pane's workers are not set (WorkContext)");
  return work;
}
