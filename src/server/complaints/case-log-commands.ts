import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { callbacks, contacts } from "../../db/schema.js";
import { EXTENSION_NOTICE } from "../../domain/sla/extension-notice.js";
import { startCallbackClock, stopClocks } from "../sla/clock-effects.js";
import { assertTerms } from "../taxonomy/taxonomy.routes.js";
import type { commandBodies } from "./complaint.schemas.js";
import type { CommandRequest } from "./run-complaint-command.js";

type Body<C extends keyof typeof commandBodies> = z.infer<(typeof commandBodies)[C]>;

/** Internal notes are never shown to the customer. */
export const note = (body: Body<"note">): CommandRequest => ({
  command: "note",
  async perform() {
    return { events: [{ type: "note", data: { text: body.text } }] };
  },
});

/** A call, visit or message on the case; an outbound one keeps any open callback promise. */
export const contact = (body: Body<"contact">): CommandRequest => ({
  command: "contact",
  async perform({ tx, caller, complaint }) {
    await assertTerms(tx, [{ list: "channel", field: "body.channel", codes: [body.channel] }]);
    const [row] = await tx
      .insert(contacts)
      .values({
        ...body,
        customerId: complaint.customerId,
        complaintId: complaint.id,
        agentId: caller.id,
        agentNo: caller.agentNo,
      })
      .returning({ id: contacts.id });
    const kept =
      body.direction === "outbound"
        ? await tx
            .update(callbacks)
            .set({ status: "done", doneAt: new Date(), doneContactId: row!.id })
            .where(and(eq(callbacks.complaintId, complaint.id), eq(callbacks.status, "open")))
            .returning({ id: callbacks.id, dueAt: callbacks.dueAt })
        : [];
    if (body.direction === "outbound") {
      // Reaching the customer is the first response; it also keeps the callbacks it fulfils.
      const now = new Date();
      await stopClocks(tx, { complaintId: complaint.id, names: ["firstResponse"] }, now);
      await stopClocks(tx, { complaintId: complaint.id, callbackIds: kept.map((k) => k.id) }, now);
    }
    // Any conversation with the customer on the case tells them of an approved extension.
    await stopClocks(tx, { complaintId: complaint.id, names: [EXTENSION_NOTICE] }, new Date());
    return {
      events: [
        { type: "contact", data: { contactId: row!.id, ...body } },
        ...kept.map((k) => ({
          type: "callback_done",
          data: { callbackId: k.id, dueAt: k.dueAt.toISOString() },
        })),
      ],
    };
  },
});

/** 承诺回电: a promise with a due time, so it cannot be forgotten (seed 002). */
export const callback = (body: Body<"callback">): CommandRequest => ({
  command: "callback",
  async perform({ tx, caller, complaint }) {
    // The schema holds dueAt to the deadline bounds (after now, at most five years ahead).
    const [row] = await tx
      .insert(callbacks)
      .values({
        complaintId: complaint.id,
        customerId: complaint.customerId,
        dueAt: body.dueAt,
        note: body.note ?? null,
        promisedById: caller.id,
      })
      .returning({ id: callbacks.id });
    await startCallbackClock(tx, complaint.id, row!.id, body.dueAt, new Date());
    return {
      events: [
        {
          type: "callback_promised",
          data: { callbackId: row!.id, dueAt: body.dueAt.toISOString(), note: body.note ?? null },
        },
      ],
    };
  },
});
