import { z } from "zod";
import { roles } from "../../domain/access/roles.js";
import { locales } from "../http/locale.js";

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  /** 工号, shown beside every action the user takes. */
  agentNo: z.string(),
  role: z.enum(roles),
  departmentId: z.uuid().nullable(),
  active: z.boolean(),
  locale: z.enum(locales),
  /** Where notifications are mailed (when SMTP is set up). */
  email: z.string().nullable(),
  /** With `openCases=true`: the cases they own still being worked. */
  openCases: z.number().optional(),
});
export type UserDto = z.infer<typeof userSchema>;

const password = z.string().min(8).max(200);

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[\w.@-]+$/),
  displayName: z.string().trim().min(1).max(100),
  agentNo: z.string().trim().min(1).max(32),
  password,
  role: z.enum(roles),
  departmentId: z.uuid().nullish(),
  locale: z.enum(locales).optional(),
  email: z.email().nullish(),
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    agentNo: z.string().trim().min(1).max(32),
    role: z.enum(roles),
    departmentId: z.uuid().nullable(),
    active: z.boolean(),
    locale: z.enum(locales),
    email: z.email().nullable(),
    /** Sets a new password (an admin's reset). */
    password,
  })
  .partial()
  .strict();

export const departmentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
});
export const createDepartmentBody = z.object({
  name: z.string().trim().min(1).max(100),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[\w-]+$/),
});
