import { createComplaint } from "../complaints/commands/create-complaint.js";
import type { Acknowledgement } from "../customer-messages/tell-customer.js";
import type { Acting } from "../http/app-types.js";
import type { FileComplaintBody } from "./portal.schemas.js";

/**
 * A complaint the customer files at /portal: intake as any other (its customer found or made by
 * phone, its clocks started), on the channel 网上门户, created by the portal's staff record, and
 * acknowledged in the same transaction.
 */
export async function fileComplaint(
  acting: Acting & { timezone: string },
  body: Omit<FileComplaintBody, "code">,
  acknowledgement: Acknowledgement,
): Promise<{ id: string; number: string }> {
  const created = (await createComplaint(
    acting,
    {
      kind: "complaint",
      channel: "portal",
      source: { type: "direct" },
      customer: { name: body.name, phone: body.phone, locale: acknowledgement.locale },
      subject: body.subject,
      description: body.description,
      demand: body.demand ?? null,
      businessType: body.businessType ?? null,
    },
    undefined,
    acknowledgement,
  )) as { id: string; number: string };
  return { id: created.id, number: created.number };
}
