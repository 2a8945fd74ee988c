// Loading before the explorer is on screen: enough reports for its first frame, then a pause until it is drawn.
//
// Until then loading and drawing share the one JavaScript thread: every report decoded beyond the first screenful
// is time taken from importing Ink and drawing the first frame, which is what a person is waiting for. The files
// keep being read ahead by the loader's own window; only decoding and handing over more reports waits.

/** Passes `source` through; after `reports` reports, waits for `go` before taking the next event. */
export async function* holdAfter<T extends { kind: string }>(source: AsyncIterable<T>, reports: number, go: Promise<unknown>): AsyncGenerator<T> {
  let seen = 0;
  let held = true;
  void go.then(() => (held = false));
  for await (const event of source) {
    yield event;
    if (held && event.kind === 'report' && ++seen >= reports) {
      await go;
      held = false;
    }
  }
}

/** A promise and the function that resolves it. */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}
