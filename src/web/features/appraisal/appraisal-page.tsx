// 考核 (seed 004): an agent opens their own page (我的考核), a department handler their
// department's, and supervisors, quality and admins pick anyone from the list first.
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { canPickAppraisal, ownSubject } from "../../../domain/kpi/appraisal";
import { LazyResult } from "../../components/lazy-result";
import { useUser } from "../session/session";
import { AppraisalDetail } from "./appraisal-detail";
import { AppraisalPicker } from "./appraisal-picker";

const kinds = ["agent", "department"] as const;

export function AppraisalPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { kind, id } = useParams();
  const picker = canPickAppraisal(user.role);
  const named = kinds.find((k) => k === kind);
  if (named && id) return <AppraisalDetail subject={{ kind: named, id }} withBack={picker} />;
  if (kind) return <LazyResult status="404" title={t("error.notFound")} />;
  if (picker) return <AppraisalPicker />;
  const own = ownSubject(user);
  return own ? (
    <AppraisalDetail subject={own} withBack={false} />
  ) : (
    <LazyResult status="404" title={t("error.notFound")} />
  );
}
