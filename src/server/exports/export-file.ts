// An export's file as rows of export_file_chunks: written through a stream as the sheet writer
// produces it, read back piece by piece for the download, so neither end holds the whole file.

import { Readable, Writable } from "node:stream";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { exportFileChunks } from "../../db/schema.js";

const CHUNK_BYTES = 1 << 20;

type Attempt = { id: string; attempt: number };

/** A stream storing what it is given as the attempt's pieces; `bytes` is how much it took. */
export class ExportFileSink extends Writable {
  bytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;

  constructor(
    private readonly db: Database,
    private readonly job: Attempt,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.store().then(() => done(), done);
  }

  override _final(done: (error?: Error) => void) {
    this.store().then(() => done(), done);
  }

  private async store() {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.db
      .insert(exportFileChunks)
      .values({ exportId: this.job.id, attempt: this.job.attempt, seq: this.seq++, bytes });
  }
}

const ofAttempt = (job: Attempt) =>
  and(eq(exportFileChunks.exportId, job.id), eq(exportFileChunks.attempt, job.attempt));

/**
 * The finished attempt's file, read a piece at a time as the download takes it. The stream ends
 * with its last piece: the browser has every byte the length promised, so nothing else would
 * ask for more (an end found only on a further read left the response open).
 */
export async function exportFileStream(db: Database, job: Attempt): Promise<Readable> {
  const [{ pieces = 0 } = {}] = await db
    .select({ pieces: sql<number>`count(*)::int` })
    .from(exportFileChunks)
    .where(ofAttempt(job));
  let seq = 0;
  const piece = async (n: number) => {
    const [row] = await db
      .select({ bytes: exportFileChunks.bytes })
      .from(exportFileChunks)
      .where(and(ofAttempt(job), eq(exportFileChunks.seq, n)));
    if (!row) throw new Error(`export ${job.id}: piece ${n} is missing`);
    return row.bytes;
  };
  return new Readable({
    read() {
      if (seq >= pieces) return void this.push(null);
      piece(seq++).then(
        (bytes) => {
          this.push(bytes);
          if (seq >= pieces) this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

/** A failed or overtaken attempt's pieces, deleted (the runner that took over keeps its own). */
export async function dropAttempt(db: Database, job: Attempt) {
  await db.delete(exportFileChunks).where(ofAttempt(job));
}

/** Once an attempt finished: earlier attempts' pieces, left by runners that stopped, deleted. */
export async function dropEarlierAttempts(db: Database, job: Attempt) {
  await db
    .delete(exportFileChunks)
    .where(and(eq(exportFileChunks.exportId, job.id), ne(exportFileChunks.attempt, job.attempt)));
}
