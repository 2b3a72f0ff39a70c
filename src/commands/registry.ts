/** The commands that read an export, in the order `jobfx --help` lists them. */
import { compareCommand } from './compare.js';
import { exitsCommand } from './exits.js';
import { flowCommand } from './flow.js';
import { inspectCommand } from './inspect.js';
import { keyfiguresCommand } from './keyfigures.js';
import { providersCommand } from './providers.js';
import { repeatsCommand } from './repeats.js';
import type { AnySpec } from './spec.js';
import { yoyCommand } from './yoy.js';
import { progressionCommand } from './progression.js';

export const COMMANDS: AnySpec[] = [
  inspectCommand,
  keyfiguresCommand,
  exitsCommand,
  repeatsCommand,
  yoyCommand,
  flowCommand,
  compareCommand,
  providersCommand,
  progressionCommand,
];

/** The commands that can be steps of a `jobfx run` memo pack. */
export const REPORT_STEPS = COMMANDS.filter((c) => c.report !== undefined);
