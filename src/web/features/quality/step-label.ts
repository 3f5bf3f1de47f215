import { useTranslation } from "react-i18next";
import { type Discipline, disciplineTitles } from "../../../domain/quality/disciplines";

/** A discipline's heading in the user's language, the one the report and the server use. */
export function useStepTitle() {
  const { i18n } = useTranslation();
  return (d: Discipline) => disciplineTitles[d][i18n.language === "en" ? "en" : "zh"];
}
