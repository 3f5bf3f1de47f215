import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { i18nReady } from "./i18n/i18n";

export async function mountApp() {
  await i18nReady;
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
