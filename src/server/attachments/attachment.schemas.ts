import { z } from "zod";

/** An evidence file of a case, as the case page and the upload answer show it. */
export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedById: z.uuid(),
  createdAt: z.date(),
});
