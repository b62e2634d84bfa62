import { Body1, Title3 } from "@fluentui/react-components";

export interface AppProps {
  /** The Office host name, or null in a plain browser (preview mode). */
  host: string | null;
}

export function App({ host }: AppProps) {
  return (
    <main style={{ padding: 16 }}>
      <Title3 as="h1">Loyalty Lens</Title3>
      <Body1 as="p">{host ? `Connected to ${host}.` : "Browser preview: no Office host."}</Body1>
    </main>
  );
}
