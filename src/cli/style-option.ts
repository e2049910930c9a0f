import { COLOR, PLAIN, type Style } from '../report/style.js';

/**
 * Colour decision for human output, in precedence order: `--no-color`; FORCE_COLOR (`0` or
 * `false` turns colour off, any other value forces it on even in a pipe, as CI log viewers want);
 * NO_COLOR (any non-empty value, per no-color.org); otherwise colour only on a terminal.
 */
export function chooseStyle(color: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): Style {
  if (color === false) return PLAIN;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force === '0' || force.toLowerCase() === 'false' ? PLAIN : COLOR;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return PLAIN;
  return isTTY ? COLOR : PLAIN;
}
