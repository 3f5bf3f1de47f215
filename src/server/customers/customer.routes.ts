import { eq } from "drizzle-orm";
import { z } from "zod";
import { complaints, contacts, customers } from "../../db/schema.js";
import {
  canCreateComplaints,
  canLookUpCustomers,
  canSeePersonalData,
} from "../../domain/access/roles.js";
import { callerWith } from "../auth/caller.js";
import { refreshSearchText } from "../case/search-text.js";
import { badRequest, notFound, versionConflict } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { changedFields } from "../http/changed-fields.js";
import { idParams } from "../http/input-fields.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { assertTerms } from "../taxonomy/active-terms.js";
import { presentCustomer } from "./customer.presenter.js";
import {
  contactInput,
  contactSchema,
  customerHistorySchema,
  customerInput,
  customerLookupQuery,
  customerSchema,
  customerUpdate,
} from "./customer.schemas.js";
import { checkedPhone, lookUpCustomers } from "./customer.store.js";

export async function customerRoutes(app: App) {
  app.get(
    "/customers",
    {
      schema: {
        tags: ["customers"],
        summary: "Find a customer by phone, ID number, account number or name, with full history",
        querystring: customerLookupQuery,
        response: { 200: z.object({ items: z.array(customerHistorySchema) }) },
      },
    },
    async (request) => {
      const caller = callerWith(request, canLookUpCustomers);
      const { phone, idNumber, accountNo, q } = request.query;
      if (!phone && !idNumber && !accountNo && !q) throw badRequest("customer_identity");
      const items = await lookUpCustomers(app.db, { phone, idNumber, accountNo, q }, caller.role);
      return { items };
    },
  );

  app.post(
    "/customers",
    {
      schema: {
        tags: ["customers"],
        summary: "Register a customer",
        body: customerInput,
        response: { 201: customerSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canCreateComplaints);
      const body = request.body;
      const phone = checkedPhone(body.phone);
      const [row] = await rejectingDuplicates(
        () =>
          app.db
            .insert(customers)
            .values({ ...body, phone, idNumber: body.idNumber?.toUpperCase() })
            .returning(),
        { customers_phone_uq: { field: "phone", value: phone } },
      );
      return reply.code(201).send(presentCustomer(row!, canSeePersonalData(caller.role)));
    },
  );

  app.get(
    "/customers/:id",
    {
      schema: {
        tags: ["customers"],
        summary: "A customer with every complaint, contact and open callback",
        params: idParams,
        response: { 200: customerHistorySchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canLookUpCustomers);
      const [history] = await lookUpCustomers(app.db, { id: request.params.id }, caller.role);
      if (!history) throw notFound("customer");
      return history;
    },
  );

  app.patch(
    "/customers/:id",
    {
      schema: {
        tags: ["customers"],
        summary: "Correct a customer's details",
        params: idParams,
        body: customerUpdate,
        response: { 200: customerSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canCreateComplaints);
      const { version, ...given } = request.body;
      // Stored as on create (digits only; ID numbers upper-case, …123X), so lookups find them.
      const wanted = {
        ...given,
        ...(given.phone !== undefined && { phone: checkedPhone(given.phone) }),
        ...(given.idNumber && { idNumber: given.idNumber.toUpperCase() }),
      };
      const row = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [current] = await tx
              .select()
              .from(customers)
              .where(eq(customers.id, request.params.id))
              .for("update");
            if (!current) throw notFound("customer");
            if (current.version !== version) throw versionConflict(current.version, "customer");
            const changes = changedFields(current, wanted);
            // Nothing differs from the record: no new version, so nobody else gets a conflict.
            if (Object.keys(changes).length === 0) return current;
            const [updated] = await tx
              .update(customers)
              .set({ ...changes, version: version + 1, updatedAt: app.clock.now() })
              .where(eq(customers.id, current.id))
              .returning();
            // The customer's name and phone are part of every one of their complaints' search text.
            if ("name" in changes || "phone" in changes)
              await refreshSearchText(tx, eq(complaints.customerId, current.id));
            return updated!;
          }),
        { customers_phone_uq: { field: "phone", value: wanted.phone ?? "" } },
      );
      return presentCustomer(row, canSeePersonalData(caller.role));
    },
  );

  app.post(
    "/customers/:id/contacts",
    {
      schema: {
        tags: ["customers"],
        summary: "Log a call, visit or message that belongs to no case",
        params: idParams,
        body: contactInput,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canCreateComplaints);
      const [customer] = await app.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, request.params.id));
      if (!customer) throw notFound("customer");
      await assertTerms(app.db, [
        { list: "channel", field: "body.channel", codes: [request.body.channel] },
      ]);
      const [row] = await app.db
        .insert(contacts)
        .values({
          ...request.body,
          customerId: customer.id,
          agentId: caller.id,
          agentNo: caller.agentNo,
        })
        .returning();
      return reply.code(201).send(row!);
    },
  );
}
