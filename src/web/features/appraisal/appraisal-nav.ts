import type { Role } from "../../../domain/access/roles";
import { canPickAppraisal } from "../../../domain/kpi/appraisal";

/** The menu names the page for what it opens: one's own, one's department's, or anyone's. */
export function appraisalNav(role: Role) {
  if (canPickAppraisal(role)) return "nav.appraisal" as const;
  return role === "department_handler" ? "nav.departmentAppraisal" : "nav.myAppraisal";
}
