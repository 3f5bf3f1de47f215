import { fileTypeFromBuffer } from "file-type";

/** Evidence kinds call centers receive: photos, scans, recordings, office files. */
const acceptedTypes = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/heic",
  "image/bmp",
  "image/tiff",
  "application/pdf",
  "audio/mpeg",
  "audio/wav",
  "audio/x-wav",
  "audio/mp4",
  "audio/x-m4a",
  "audio/amr",
  "audio/ogg",
  "video/mp4",
  "video/quicktime",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/x-cfb", // legacy .doc/.xls
  "application/zip",
]);

/**
 * The media type read from the content itself, never from the name the client sent. Plain text
 * and CSV carry no signature: they are accepted only when the bytes are valid UTF-8 without NULs.
 */
export async function detectAttachmentType(
  content: Buffer,
  fileName: string,
): Promise<{ ok: true; mediaType: string } | { ok: false; found: string }> {
  const detected = await fileTypeFromBuffer(content);
  if (detected)
    return acceptedTypes.has(detected.mime)
      ? { ok: true, mediaType: detected.mime }
      : { ok: false, found: detected.mime };
  if (/\.(txt|csv|log)$/i.test(fileName) && isPlainText(content)) {
    return {
      ok: true,
      mediaType: fileName.toLowerCase().endsWith(".csv") ? "text/csv" : "text/plain",
    };
  }
  // An error word, so the refusal reads "无法识别" rather than a code.
  return { ok: false, found: "unrecognised_type" };
}

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}
