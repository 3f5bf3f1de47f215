import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "./app-error.js";
import { readTableFile } from "./table-file.js";

/** The multipart field `file` read as rows (XLSX, CSV or JSON), or the upload's own 4xx. */
export async function readUploadedTable(request: FastifyRequest, limitMb: number) {
  if (!request.isMultipart()) throw badRequest("no_file");
  const file = await request.file().catch(() => {
    throw badRequest("no_file");
  });
  if (!file) throw badRequest("no_file");
  const content = await file.toBuffer().catch((e: { code?: string }) => {
    if (e.code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("payload_too_large", { limit: limitMb });
    throw badRequest("no_file");
  });
  return readTableFile(content);
}
