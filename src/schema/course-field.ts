/**
 * A course's value of a text field by the field's name, with the follow-up statuses by their
 * horizon (followUp3 → the 3-month status): for code that takes the field from the user
 * (inspect's value lists, compare's outcomes).
 */
import type { TextField } from '../model/fields.js';
import type { Course } from './course.js';

export type { TextField } from '../model/fields.js';

export function fieldValue(c: Course, field: TextField): string | null {
  switch (field) {
    case 'followUp1':
      return c.followUp[1];
    case 'followUp3':
      return c.followUp[3];
    case 'followUp6':
      return c.followUp[6];
    case 'followUp12':
      return c.followUp[12];
    default:
      return c[field];
  }
}
