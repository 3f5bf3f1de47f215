import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Portal } from "./portal-app.js";
import "./portal.css";

createRoot(document.getElementById("portal")!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
