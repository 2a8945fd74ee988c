// Parse workers run at a lower priority than the thread that draws the explorer and answers keys. On a machine with
// few cores the workers would otherwise take turns with it: the first frame came 110-150 ms after the first report
// while two workers parsed on a two-core machine. The workers still get every core the main thread leaves idle.
import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** How much nicer (lower priority) than the process a worker makes itself. */
export const WORKER_NICENESS = 5;

/**
 * Lowers the calling thread's priority by WORKER_NICENESS. Linux only: there a thread has its own niceness, set
 * through its thread id (read from /proc/thread-self). Elsewhere a process id is the only handle, and lowering it
 * would slow the main thread too.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + WORKER_NICENESS));
  } catch {
    // no /proc, or a sandbox that forbids it: the worker runs at the normal priority
  }
}
