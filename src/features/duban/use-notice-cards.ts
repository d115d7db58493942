import { useCards } from '../../api/cards';
import type { CardItem, NoticeItem } from '../../contract/duban';

/** The notice's cards (level, state, earned day), read from its department's card record. */
export function useNoticeCards(notice: NoticeItem | undefined): CardItem[] {
  const cards = useCards({ departmentId: notice?.departmentId ?? '' }, notice !== undefined);
  const ids = new Set(notice?.cardIds ?? []);
  return (cards.data?.items ?? []).filter((c) => ids.has(c.id));
}
