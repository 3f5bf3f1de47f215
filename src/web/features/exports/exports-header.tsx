import { Button } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { lazyExport } from "../../components/lazy-export";
import { setExportsOpen, useExportsOpen } from "./exports-store";

// The panel (Drawer, List, Progress) loads when first opened, not with every page.
const ExportsPanel = lazyExport(() => import("./exports-panel"), "ExportsPanel");

/** The header's 导出任务 button and, once opened, the panel of the caller's exports. */
export function ExportsHeaderButton() {
  const { t } = useTranslation();
  const open = useExportsOpen();
  return (
    <>
      <Button size="small" onClick={() => setExportsOpen(true)}>
        {t("exports.panel")}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ExportsPanel />
        </Suspense>
      )}
    </>
  );
}
