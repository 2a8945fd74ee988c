// Counting the event loop's turns: work that never yields to it gets none, work that pauses often gets many. Tests of
// code that must leave the explorer able to draw and take keys while it works use this.
export class TurnCounter {
  turns = 0;
  private counting = false;

  start(): void {
    if (this.counting) return;
    this.counting = true;
    setImmediate(this.tick);
  }

  /** Stops counting and says how many turns there were. */
  stop(): number {
    this.counting = false;
    return this.turns;
  }

  private readonly tick = (): void => {
    if (!this.counting) return;
    this.turns++;
    setImmediate(this.tick);
  };
}
