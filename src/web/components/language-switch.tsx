import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { switchLanguage } from "../i18n/i18n";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Button
      size="small"
      type="link"
      onClick={() => void switchLanguage(i18n.language === "en" ? "zh-CN" : "en")}
    >
      {t("app.language")}
    </Button>
  );
}
