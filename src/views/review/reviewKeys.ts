// Reviewer mode takes its keys from the app's one keymap: the moving commands step the queue, Enter opens the
// anomaly, and the review* commands decide and filter. Anything else is left to the app (tabs, help, quit).
import type { Key } from 'ink';
import type { Command, KeyMap } from '../keys/keyBindings.js';
import { commandFor } from '../keys/matchKey.js';
import type { ReviewCommand } from './commands.js';

const REVIEW_COMMAND_OF: Partial<Record<Command, ReviewCommand>> = {
  down: 'review.next',
  nextAnomaly: 'review.next',
  up: 'review.prev',
  prevAnomaly: 'review.prev',
  top: 'review.first',
  bottom: 'review.last',
  pageDown: 'review.pageDown',
  pageUp: 'review.pageUp',
  enter: 'review.jump',
  reviewConfirm: 'review.confirm',
  reviewDismiss: 'review.dismiss',
  reviewUndo: 'review.undo',
  reviewNote: 'review.note',
  reviewFilterSeverity: 'review.filterSeverity',
  reviewFilterRule: 'review.filterRule',
  reviewFilterDecision: 'review.filterDecision',
};

/** The queue's command for an app command; undefined when the queue does not take it. */
export const reviewCommandOf = (command: Command): ReviewCommand | undefined => REVIEW_COMMAND_OF[command];

/** The `bindings` function ReviewQueue takes, built on the app keymap (user overrides included). */
export function reviewBindingsFor(keymap: KeyMap): (input: string, key: Key) => ReviewCommand | null {
  return (input, key) => {
    const command = commandFor(keymap, input, key);
    return command ? (REVIEW_COMMAND_OF[command] ?? null) : null;
  };
}

/** Keys shown under the queue and in the status bar while it is open. */
export const REVIEW_HINT_COMMANDS: readonly Command[] = ['reviewConfirm', 'reviewDismiss', 'reviewUndo', 'reviewNote', 'nextAnomaly', 'reviewFilterSeverity', 'enter', 'back', 'help'];
