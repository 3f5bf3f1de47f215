import type { users } from "../../db/schema.js";
import type { Locale } from "../http/locale.js";
import type { UserDto } from "./user.schemas.js";

export function presentUser(row: typeof users.$inferSelect): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    agentNo: row.agentNo,
    role: row.role,
    departmentId: row.departmentId,
    active: row.active,
    locale: row.locale as Locale,
    email: row.email,
  };
}
