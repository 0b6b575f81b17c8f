import { createHash, type Hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { addAbortSignal } from 'node:stream';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Clock, HttpGet, HttpGetResponse } from '../ports.js';
import { fsyncDir } from '../util/atomic-write.js';
import { errnoCode } from '../util/fs-errors.js';
import { decodedBody } from './body-decoding.js';
import { PumpError, pumpBodyToFile } from './body-pump.js';
import { PartMismatchError, WriteCheck } from './write-check.js';
import {
  cancelledFailure,
  destExistsFailure,
  failureForStatus,
  interruptedFailure,
  invalidFileFailure,
  oversizeFailure,
  partMismatchFailure,
  stalledFailure,
  writeFailure,
} from './download-errors.js';
import { headersOf, planResponse, type ResponsePlan } from './http-range.js';
import {
  fileSizeOrZero,
  hashFileInto,
  measureFile,
  openPartFile,
  pathExists,
  renameNoReplace,
  unlinkIfExists,
  type OpenPartFile,
  type PartFile,
} from './part-files.js';
import { writeMp4Provenance, type Mp4Provenance } from './mp4-provenance.js';
import { getFollowingRedirects } from './redirects.js';
import { StallGuard } from './stall-guard.js';
import { verifyMp4 } from './verify-mp4.js';

export { verifyMp4 } from './verify-mp4.js';
export { removeStrayPartFiles } from './part-files.js';
export type { OpenPartFile, PartFile } from './part-files.js';

/**
 * Downloads one result video to `<dest>.part`, resuming with Range where the
 * part already has bytes, then verifies it and renames it into place. The
 * final name only ever appears for a complete, checked file: every write read
 * back from disk equals the bytes received, its length on disk after the fsync
 * is the count received, and it is an MP4.
 */

export interface DownloadOptions {
  url: string;
  /** Final path of the file; bytes go to `${dest}.part` until verified. */
  dest: string;
  /**
   * One streamed GET per hop (redirects are followed here). Never given an
   * Authorization header: result files live on a CDN host the API key must not reach.
   */
  httpGet: HttpGet;
  /** Drives the stall timer. */
  clock: Clock;
  /** Abort if no byte arrives for this long (default 30 000 ms). */
  stallTimeoutMs?: number;
  /** Bytes stored in the part so far (never merely received); at most once per write, throttling is the caller's job. */
  onProgress?: (bytesDone: number, bytesTotal: number | undefined) => void;
  signal?: AbortSignal;
  /** Default: verifyMp4. */
  verify?: (partPath: string, bytes: number) => Promise<void>;
  /** Default: node's fs open. The seam through which tests hand in writers that store less than asked. */
  openFile?: OpenPartFile;
  /** Written into the video's own metadata once it is verified, before it gets its final name. */
  provenance?: Mp4Provenance;
}

export interface DownloadResult {
  /** Length of the saved file, read back from disk. */
  bytes: number;
  /** sha256 of the saved file: the hash of the bytes received, every one of them read back from the part and compared. */
  sha256: string;
  resumed: boolean;
}

const DEFAULT_STALL_MS = 30_000;
/** A 416 or a mismatched 206 deletes the part and asks again, once per call. */
const MAX_RESTARTS = 1;

export async function downloadToFile(opts: DownloadOptions): Promise<DownloadResult> {
  const part = `${opts.dest}.part`;
  if (await pathExists(opts.dest)) throw destExistsFailure(basename(opts.dest));
  const guard = new StallGuard(opts.clock, opts.stallTimeoutMs ?? DEFAULT_STALL_MS, opts.signal);
  try {
    if (guard.cancelled) throw cancelledFailure();
    let result: Filled | 'restart' = 'restart';
    for (let restarts = 0; result === 'restart'; restarts += 1) {
      if (restarts > MAX_RESTARTS) {
        throw appFailure('download_failed', errorMessage('download.no_resume'), { retryable: true });
      }
      result = await fetchIntoPart(opts, part, guard);
    }
    // Stopped after the last byte arrived: still a stop. The part stays for later.
    if (guard.cancelled) throw cancelledFailure();
    guard.dispose();
    const received = await expectPartOnDisk(part, result);
    await verifyPart(opts, part, received.bytes);
    const onDisk = opts.provenance ? await labelPart(part, opts.provenance, received) : received;
    await moveIntoPlace(part, opts.dest);
    return { ...onDisk, resumed: result.resumed };
  } finally {
    guard.dispose();
  }
}

type Measured = { bytes: number; sha256: string };

/** A part that holds every byte: what was received, and the part as read back from disk. */
interface Filled {
  received: Measured;
  onDisk: Measured;
  resumed: boolean;
}

/** One request: fills the part or reports that it must be restarted from 0. */
async function fetchIntoPart(opts: DownloadOptions, part: string, guard: StallGuard): Promise<Filled | 'restart'> {
  const offset = await fileSizeOrZero(part);
  // identity: a Range over a compressed representation would not line up with the bytes on disk.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (offset > 0) headers.range = `bytes=${offset}-`;
  // Hash the bytes already on disk before asking: once the response is here its
  // body must be read at once (see pumpBodyToFile), and hashing a large part
  // is local work the stall timer must not count. Wasted only if the server
  // then ignores the Range.
  const prefixHash = createHash('sha256');
  await hashFileInto(part, offset, prefixHash).catch((err: unknown) => {
    throw writeFailure(err);
  });
  guard.arm();
  let res: HttpGetResponse;
  try {
    res = await getFollowingRedirects(opts.httpGet, opts.url, { headers, signal: guard.signal });
  } catch (err) {
    // No byte of this response arrived: report a connection problem, not a cut-off download.
    throw abortOrInterrupted(err, guard, 0, undefined);
  }
  const status = res.statusCode ?? 0;
  const resHeaders = headersOf(res.headers);
  const plan = planResponse(status, resHeaders, offset);
  if (plan.kind === 'write') return writeBody(opts, part, guard, res, plan, plan.append ? prefixHash : createHash('sha256'));

  guard.disarm();
  // Closes the connection: the body of a refusal is not needed.
  res.destroy();
  if (plan.kind === 'fail') throw failureForStatus(status, resHeaders, opts.clock.now());
  if (plan.kind === 'restart') {
    await unlinkIfExists(part);
    return 'restart';
  }
  // 416 for a part that already holds every byte (plan.total === offset): a crash hit before the rename.
  const onDisk = await measureFile(part).catch((err: unknown) => {
    throw writeFailure(err);
  });
  return { received: { bytes: plan.total, sha256: prefixHash.digest('hex') }, onDisk, resumed: true };
}

/** `hash` already holds the part's first `plan.start` bytes when appending. */
async function writeBody(
  opts: DownloadOptions,
  part: string,
  guard: StallGuard,
  res: HttpGetResponse,
  plan: Extract<ResponsePlan, { kind: 'write' }>,
  hash: Hash,
): Promise<Filled> {
  // 'w' truncates: a 200 to a Range request means the server restarted at byte 0.
  // Not awaited here: the pump starts reading the body while the file opens,
  // so bytes that arrive just before a connection reset are kept.
  const opening: Promise<PartFile> = (opts.openFile ?? openPartFile)(part, plan.append ? 'a' : 'w');
  // An open error is reported through the pump (or the sync below), never as an unhandled rejection.
  opening.catch(() => undefined);
  const check = new WriteCheck(part, plan.append ? plan.start : 0);
  let total = plan.start;
  let size: number | undefined;
  let failure: unknown;
  try {
    // The stall timer and the caller's signal end the body where it stands; what arrived is kept.
    const body = addAbortSignal(guard.signal, decodedBody(res));
    total += await pumpBodyToFile(body, opening, hash, {
      onReceived: () => guard.arm(),
      onWritten: (written) => opts.onProgress?.(plan.start + written, plan.expectedTotal),
      check,
    });
    guard.disarm();
    size = await syncAndMeasure(await opening, part, plan.expectedTotal === undefined || total === plan.expectedTotal);
  } catch (err) {
    failure = err;
  } finally {
    await opening.then((fh) => fh.close()).catch(() => undefined);
    await check.close().catch(() => undefined);
  }
  if (failure !== undefined) {
    const mismatch = failure instanceof PumpError ? failure.cause : undefined;
    if (mismatch instanceof PartMismatchError) {
      // Bytes lost or changed on the way to the disk: resuming would only build on them.
      await unlinkIfExists(part);
      throw partMismatchFailure(mismatch.detail);
    }
    throw pumpFailure(failure, guard, plan);
  }
  if (plan.expectedTotal !== undefined && total < plan.expectedTotal) {
    // The connection ended cleanly but early: keep the part for a Range resume.
    throw interruptedFailure(total, plan.expectedTotal);
  }
  if (plan.expectedTotal !== undefined && total > plan.expectedTotal) {
    await unlinkIfExists(part);
    throw oversizeFailure(total, plan.expectedTotal);
  }
  if (size === undefined) throw new Error('a complete part was not measured');
  // Every write was read back and matched (WriteCheck), so the hash of the bytes received is the part's.
  const sha256 = hash.digest('hex');
  return { received: { bytes: total, sha256 }, onDisk: { bytes: size, sha256 }, resumed: plan.append };
}

/**
 * Flushes the part to disk and, when it should hold every byte, measures its
 * length on disk: a write that reported more than it stored at the very end
 * leaves a part shorter than the count, which the rename must never accept.
 */
async function syncAndMeasure(file: PartFile, part: string, complete: boolean): Promise<number | undefined> {
  await file.sync();
  return complete ? (await stat(part)).size : undefined;
}

function pumpFailure(err: unknown, guard: StallGuard, plan: Extract<ResponsePlan, { kind: 'write' }>): unknown {
  if (err instanceof PumpError) {
    if (err.side === 'write') return writeFailure(err.cause);
    return abortOrInterrupted(err.cause, guard, plan.start + err.written, plan.expectedTotal);
  }
  return errnoCode(err) === undefined ? err : writeFailure(err);
}

function abortOrInterrupted(err: unknown, guard: StallGuard, done: number, total: number | undefined): AppFailure {
  if (guard.cancelled) return cancelledFailure();
  if (guard.stalled) return stalledFailure(guard.stallMs, done, total);
  return interruptedFailure(done, total, err);
}

/**
 * The finished part as read back from disk: its length must be the count
 * written (which already equals Content-Length / Content-Range when the host
 * announced one) and its sha256 the hash of the bytes received. Otherwise
 * bytes were lost or changed on the way to the disk, and resuming would only
 * build on them: the part is deleted and the download starts over.
 */
async function expectPartOnDisk(part: string, { received: expected, onDisk }: Filled): Promise<Measured> {
  if (onDisk.bytes === expected.bytes && onDisk.sha256 === expected.sha256) return onDisk;
  await unlinkIfExists(part);
  throw partMismatchFailure(
    `On disk: ${onDisk.bytes} bytes, sha256 ${onDisk.sha256}. Received: ${expected.bytes} bytes, sha256 ${expected.sha256}.`,
  );
}

/** Renames the checked part to its final name; a full disk here keeps the part for the next attempt. */
async function moveIntoPlace(part: string, dest: string): Promise<void> {
  try {
    await renameNoReplace(part, dest);
    await fsyncDir(dirname(dest));
  } catch (err) {
    if (err instanceof AppFailure || errnoCode(err) === undefined) throw err;
    throw writeFailure(err);
  }
}

/**
 * Writes the provenance into the verified part and measures it again: the
 * length and hash returned (and recorded in the sidecar) are those of the
 * final file, not of the bytes received. A part the writer cannot label stays
 * as it is (a good video, unlabelled). A crash after the label and before the
 * rename leaves a part longer than the host's file: the next attempt's Range
 * request is answered 416 and the download starts over, as for any part that
 * does not match.
 */
async function labelPart(part: string, provenance: Mp4Provenance, received: { bytes: number; sha256: string }): Promise<{ bytes: number; sha256: string }> {
  try {
    const outcome = await writeMp4Provenance(part, provenance);
    return outcome.written ? await measureFile(part) : received;
  } catch (err) {
    throw writeFailure(err);
  }
}

async function verifyPart(opts: DownloadOptions, part: string, bytes: number): Promise<void> {
  try {
    await (opts.verify ?? verifyMp4)(part, bytes);
  } catch (err) {
    // A wrong file never becomes right by resuming it: start clean next time.
    await unlinkIfExists(part);
    if (err instanceof AppFailure) throw err;
    throw invalidFileFailure(err instanceof Error ? err.message : String(err));
  }
}
