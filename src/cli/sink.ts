// Where data goes: stdout, or a file written atomically (a temp file beside it, renamed on success, so a
// reader never sees half a file and a failed run leaves the old one intact). A reader that goes away
// (`| head -1`) closes the sink quietly: the run stops early and exits 0.
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';

export interface Sink {
  /** True once the reader has gone (EPIPE): stop producing. */
  readonly closed: boolean;
  write(chunk: string): Promise<void>;
  /** Finishes the output: flushes, and for a file renames the temp file into place. */
  finish(): Promise<void>;
  /** Abandons a file output (removes the temp file); stdout is left as is. */
  abort(): Promise<void>;
}

class StreamSink implements Sink {
  closed = false;
  private failure: Error | null = null;

  constructor(private readonly stream: Writable) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = err;
    });
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closed || chunk.length === 0) return;
    if (!this.stream.write(chunk)) await untilDrained(this.stream);
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
  }

  async abort(): Promise<void> {}
}

class FileSink implements Sink {
  closed = false;
  private readonly temp: string;
  private readonly stream: Writable;
  private failure: Error | null = null;
  /** Set by abort (Ctrl-C): a finish already under way must not rename the temp file into place. */
  private aborted = false;
  /** Settles when the temp file is open (or could not be created). */
  readonly opened: Promise<void>;

  constructor(private readonly target: string) {
    this.temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    this.stream = createWriteStream(this.temp, { flags: 'wx' });
    this.stream.on('error', (err) => (this.failure = err));
    this.opened = new Promise<void>((resolve, reject) => {
      this.stream.once('ready', () => resolve()).once('error', reject);
    });
  }

  async write(chunk: string): Promise<void> {
    // After an abort the destroyed stream reports errors of its own: they are not the user's concern.
    if (this.aborted) return;
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await untilDrained(this.stream);
    if (this.failure && !this.aborted) throw this.failure;
  }

  async finish(): Promise<void> {
    if (this.aborted) return;
    const ended = await new Promise<Error | null>((resolve) => this.stream.end((err?: Error | null) => resolve(err ?? null)));
    // An interrupt may arrive while the last bytes are flushed (the stream then ends destroyed): the output is
    // abandoned, quietly — the interrupt, not a write error, is what the user is told about.
    if (this.aborted) return;
    const failure = this.failure ?? ended;
    if (failure) {
      await this.abort();
      throw failure;
    }
    await fs.rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    this.aborted = true;
    this.closed = true; // the run stops producing: nothing it makes can be kept
    this.stream.destroy();
    await fs.rm(this.temp, { force: true }).catch(() => undefined);
  }
}

/** Waits for room in the stream's buffer, or for its end; leaves no listener behind (a long run waits thousands of times). */
function untilDrained(stream: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done).on('error', done).on('close', done);
  });
}

export function stdoutSink(stream: Writable = process.stdout): Sink {
  return new StreamSink(stream);
}

/** A device or named pipe (-o /dev/stdout, a FIFO): written in place, ended at the finish. */
class DeviceSink extends StreamSink {
  constructor(private readonly device: Writable) {
    super(device);
  }

  override async finish(): Promise<void> {
    await super.finish();
    await new Promise<void>((resolve) => this.device.end(() => resolve()));
    await super.finish();
  }
}

/**
 * Opens the output at once, so an unwritable folder is reported before any work is done. A regular file (or a
 * new one) is written atomically; the rename lands on the file a symbolic link points to, never on the link. A
 * device or named pipe is written in place: renaming over /dev/null would replace the device with a file.
 */
export async function fileSink(target: string): Promise<Sink> {
  const resolved = path.resolve(target);
  const existing = await fs.stat(resolved).catch(() => null);
  // A folder as the target would only fail at the final rename, after all the work: refuse it now.
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) return openDevice(resolved);
  const sink = new FileSink(existing ? await fs.realpath(resolved) : resolved);
  await sink.opened;
  return sink;
}

async function openDevice(file: string): Promise<Sink> {
  const stream = createWriteStream(file, { flags: 'w' });
  await new Promise<void>((resolve, reject) => stream.once('ready', () => resolve()).once('error', reject));
  return new DeviceSink(stream);
}
