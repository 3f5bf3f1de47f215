import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { departments, qualityCases, users } from "../../../db/schema.js";
import { invalidReference } from "../../http/app-error.js";
import { assertTerms } from "../../taxonomy/active-terms.js";

/** What an action points at, checked before it is written: each given link must exist and be usable. */
export interface ActionLinks {
  ownerId?: string;
  departmentId?: string | null;
  cause?: string | null;
  category?: string | null;
  qualityCaseId?: string | null;
}

/** Checks the links given; answers the owner's department (for an action created without one). */
export async function checkActionLinks(tx: Tx, links: ActionLinks) {
  await assertTerms(tx, [
    { list: "cause", field: "body.cause", codes: [links.cause] },
    { list: "category", field: "body.category", codes: [links.category] },
  ]);
  let ownerDepartmentId: string | null = null;
  if (links.ownerId) {
    const [owner] = await tx
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.id, links.ownerId), eq(users.active, true)));
    if (!owner) throw invalidReference("user");
    ownerDepartmentId = owner.departmentId;
  }
  if (links.departmentId) {
    const [found] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, links.departmentId));
    if (!found) throw invalidReference("department");
  }
  if (links.qualityCaseId) {
    const [found] = await tx
      .select({ id: qualityCases.id })
      .from(qualityCases)
      .where(eq(qualityCases.id, links.qualityCaseId));
    if (!found) throw invalidReference("quality_case");
  }
  return { ownerDepartmentId };
}
