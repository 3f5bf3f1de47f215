import type { Role } from "./roles.js";

/** A role's name in each interface language: one table for the workbench and the CLI. */
export const roleLabels: Record<"zh-CN" | "en", Record<Role, string>> = {
  "zh-CN": {
    agent: "客服代表",
    specialist: "投诉专员",
    department_handler: "部门处理人",
    supervisor: "主管",
    quality: "质量",
    admin: "管理员",
  },
  en: {
    agent: "Agent",
    specialist: "Specialist",
    department_handler: "Department handler",
    supervisor: "Supervisor",
    quality: "Quality",
    admin: "Admin",
  },
};
