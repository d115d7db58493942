/** `GET /cards` (预警 / 黄牌 / 红牌 as records) and `GET /cards/:id/events`. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  cardEventsResponse,
  cardsResponse,
  type CardLevel,
  type CardState,
} from '../contract/duban';
import { apiGet } from './http';
import { apiKeys } from './keys';

export interface CardsParams {
  caseId?: string;
  departmentId?: string;
  state?: CardState;
  level?: CardLevel;
}

export const cardsQuery = (p: CardsParams) =>
  queryOptions({
    queryKey: apiKeys.cards({ ...p }),
    queryFn: ({ signal }) => apiGet('/cards', cardsResponse, signal, { ...p }),
  });

export const useCards = (p: CardsParams, enabled = true) => useQuery({ ...cardsQuery(p), enabled });

export const useCardEvents = (id: number) =>
  useQuery({
    queryKey: apiKeys.cardEvents(id),
    queryFn: ({ signal }) => apiGet(`/cards/${id}/events`, cardEventsResponse, signal),
  });
