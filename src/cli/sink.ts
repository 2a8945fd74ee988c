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
    if (this.failure) throw this.failure;
    if (this.aborted) return;
    if (!this.stream.write(chunk)) await untilDrained(this.stream);
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    if (this.aborted) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    }).catch((err: Error) => (this.failure ??= err));
    if (this.failure) {
      await this.abort();
      throw this.failure;
    }
    // An interrupt may have arrived while the last bytes were flushed: then the output is abandoned.
    if (this.aborted) return;
    await fs.rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    this.aborted = true;
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

/** Opens the temp file at once, so an unwritable folder is reported before any work is done. */
export async function fileSink(target: string): Promise<Sink> {
  const resolved = path.resolve(target);
  // A folder as the target would only fail at the final rename, after all the work: refuse it now.
  const existing = await fs.stat(resolved).catch(() => null);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  const sink = new FileSink(resolved);
  await sink.opened;
  return sink;
}
