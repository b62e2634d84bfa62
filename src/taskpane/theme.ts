/**
 * Light or dark, as Office is: Office reports its theme's colours (officeTheme, where the host has it);
 * a dark body background means a dark theme. Outside Office the browser's colour-scheme preference decides.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a "#RRGGBB" colour, 0 (black) .. 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkBackground(hex: string | undefined): boolean {
  return hex !== undefined && luminance(hex) < 0.2;
}

export function hostIsDark(inOffice: boolean): boolean {
  if (inOffice && typeof Office !== "undefined") {
    const theme = Office.context?.officeTheme;
    if (theme?.bodyBackgroundColor) return isDarkBackground(theme.bodyBackgroundColor);
  }
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function fluentTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
