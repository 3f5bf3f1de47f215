import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { complaints, departments, finishedStatusList, users } from "../../db/schema.js";
import { canManageStaff, roles } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { hashPassword } from "../auth/secrets.js";
import { forbidden, notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams, queryFlag } from "../http/input-fields.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { createUser } from "./commands/create-user.js";
import { endSessionsAfterReset } from "./end-access.js";
import { presentUser } from "./user.presenter.js";
import {
  createDepartmentBody,
  createUserBody,
  departmentSchema,
  updateUserBody,
  userSchema,
} from "./user.schemas.js";
import {
  assertDepartmentExists,
  assertHandlerHasDepartment,
  uniqueUserFields,
} from "./user-checks.js";

const anyone = () => true;

export async function staffRoutes(app: App) {
  app.get(
    "/departments",
    {
      schema: {
        tags: ["staff"],
        summary: "List departments",
        response: { 200: z.object({ items: z.array(departmentSchema) }) },
      },
    },
    async (request) => {
      callerWith(request, anyone);
      const items = await app.db
        .select({ id: departments.id, code: departments.code, name: departments.name })
        .from(departments)
        .orderBy(asc(departments.code));
      return { items };
    },
  );

  app.post(
    "/departments",
    {
      schema: {
        tags: ["staff"],
        summary: "Create a department (admin)",
        body: createDepartmentBody,
        response: { 201: departmentSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const created = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [row] = await tx.insert(departments).values(request.body).returning();
            await recordAudit(tx, caller, "create", "department", row!.id, request.body);
            return row!;
          }),
        { departments_code_unique: { field: "code", value: request.body.code } },
      );
      return reply.code(201).send({ id: created.id, code: created.code, name: created.name });
    },
  );

  app.get(
    "/users",
    {
      schema: {
        tags: ["staff"],
        summary:
          "List staff (everyone may, to pick owners and see who acted); openCases=true adds each person's open cases",
        querystring: z.object({
          departmentId: z.uuid().optional(),
          role: z.enum(roles).optional(),
          /**
           * `true`: each person's `openCases`, the cases they own still being worked (for the
           * reassign dialog). Not for department handlers, who see only their department's cases.
           */
          openCases: queryFlag,
        }),
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { departmentId, role } = request.query;
      const withOpenCases = request.query.openCases && caller.role !== "department_handler";
      if (request.query.openCases && !withOpenCases) throw forbidden();
      const filter = and(
        departmentId ? eq(users.departmentId, departmentId) : undefined,
        role ? eq(users.role, role) : undefined,
      );
      if (!withOpenCases) {
        const rows = await app.db.select().from(users).where(filter).orderBy(asc(users.agentNo));
        return { items: rows.map(presentUser) };
      }
      // One pass over the open cases' owner index, grouped, joined to the people: no per-person query.
      const open = app.db
        .select({ ownerId: complaints.ownerId, n: sql<number>`count(*)::int`.as("n") })
        .from(complaints)
        .where(sql`${complaints.status} not in (${finishedStatusList})`)
        .groupBy(complaints.ownerId)
        .as("open_cases");
      const rows = await app.db
        .select({ user: users, openCases: sql<number>`coalesce(${open.n}, 0)::int` })
        .from(users)
        .leftJoin(open, eq(open.ownerId, users.id))
        .where(filter)
        .orderBy(asc(users.agentNo));
      return { items: rows.map(({ user, openCases }) => ({ ...presentUser(user), openCases })) };
    },
  );

  app.post(
    "/users",
    {
      schema: {
        tags: ["staff"],
        summary: "Create a user (admin)",
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const created = await createUser({ db: app.db, caller, body: request.body });
      return reply.code(201).send(presentUser(created));
    },
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["staff"],
        summary: "Change a user, deactivate, or reset the password (admin)",
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { password, ...changes } = request.body;
      if (changes.departmentId !== undefined)
        await assertDepartmentExists(app.db, changes.departmentId);
      const passwordHash = password ? await hashPassword(password) : undefined;
      const updated = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [row] = await tx
              .update(users)
              .set({
                ...changes,
                ...(passwordHash && { passwordHash }),
                updatedAt: app.clock.now(),
              })
              .where(eq(users.id, request.params.id))
              .returning();
            if (!row) throw notFound("user");
            assertHandlerHasDepartment(row.role, row.departmentId);
            if (password) await endSessionsAfterReset(tx, row);
            await recordAudit(
              tx,
              caller,
              password ? "update+reset_password" : "update",
              "user",
              row.id,
              changes,
            );
            return row;
          }),
        uniqueUserFields(changes),
      );
      return presentUser(updated);
    },
  );
}
