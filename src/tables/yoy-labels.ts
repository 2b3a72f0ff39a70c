/** The label of a yoy row: its value in the vocabulary's words, or what the row holds. */
import { UNKNOWN, UNMAPPED_GROUP } from '../analyses/keyfigures.js';
import type { YoyRow } from '../analyses/yoy.js';
import type { YoyContext } from './yoy-context.js';

/** The row's label: the value's label in the vocabulary, "Not ended", "Ongoing", or as written. */
export function rowLabel({ r, o, t }: YoyContext, row: YoyRow): string {
  if (row.kind === 'notEnded') return t('Ikke afsluttet', 'Not ended');
  if (row.kind === 'ongoing') return t('Igangværende', 'Ongoing');
  if (row.kind === 'others') return t('Øvrige', 'Others');
  if (r.field === 'exitGroup')
    return row.key === UNMAPPED_GROUP
      ? t('Ikke i ordlisten', 'Not in the vocabulary')
      : o.vocab.exitGroupLabel(row.key, o.lang);
  if (r.field === 'exitReason') return o.vocab.exitReason.label(row.key, o.lang);
  if (r.field === 'targetGroup') return o.vocab.targetGroup.label(row.key, o.lang);
  if (row.key === UNKNOWN) return t('Uoplyst', 'Unknown');
  return row.key;
}
