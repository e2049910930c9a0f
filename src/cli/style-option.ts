import { COLOR, PLAIN, type Style } from '../report/style.js';

/** Colour only on a terminal, and never with NO_COLOR set or --no-color given. */
export function chooseStyle(color: boolean | undefined): Style {
  if (color === false) return PLAIN;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return PLAIN;
  return process.stdout.isTTY ? COLOR : PLAIN;
}
