import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { callbacks, contacts } from "../../../db/schema.js";
import { EXTENSION_NOTICE } from "../../../domain/sla/extension-notice.js";
import { stopClocks } from "../../sla/clock-effects.js";
import { assertTerms } from "../../taxonomy/active-terms.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";
import { flagThirdContact } from "./third-contact.js";

/** A call, visit or message on the case; an outbound one keeps any callback promise still owed. */
export const contact = (body: Body<"contact">): CommandRequest => ({
  command: "contact",
  async perform({ tx, caller, complaint, now }) {
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
    // A promise the sweep found missed stays `missed`, but the call that makes up for it is
    // recorded on it and stops its clock, so the case no longer counts as late for it.
    const kept =
      body.direction === "outbound"
        ? await tx
            .update(callbacks)
            .set({
              status: sql`case when ${callbacks.status} = 'missed' then 'missed' else 'done' end`,
              doneAt: now,
              doneContactId: row!.id,
            })
            .where(
              and(
                eq(callbacks.complaintId, complaint.id),
                inArray(callbacks.status, ["open", "missed"]),
                isNull(callbacks.doneAt),
              ),
            )
            .returning({ id: callbacks.id, dueAt: callbacks.dueAt, status: callbacks.status })
        : [];
    if (body.direction === "outbound") {
      // Reaching the customer is the first response; it also keeps the callbacks it fulfils.
      await stopClocks(tx, { complaintId: complaint.id, names: ["firstResponse"] }, now);
      await stopClocks(tx, { complaintId: complaint.id, callbackIds: kept.map((k) => k.id) }, now);
    }
    // Any conversation with the customer on the case tells them of an approved extension.
    await stopClocks(tx, { complaintId: complaint.id, names: [EXTENSION_NOTICE] }, now);
    return {
      events: [
        { type: "contact", data: { contactId: row!.id, ...body } },
        ...kept.map((k) => ({
          type: "callback_done",
          data: {
            callbackId: k.id,
            dueAt: k.dueAt.toISOString(),
            ...(k.status === "missed" && { late: true }),
          },
        })),
        ...(await flagThirdContact(tx, complaint)),
      ],
    };
  },
});
