// Long work on the one JavaScript thread (loading, checking a big folder) pauses now and then so that the explorer can
// draw and take keys: a pause is one turn of the event loop, after the I/O and timers that are due.

/** Resolves after one turn of the event loop. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
