/**
 * Published ranking editions: `GET /rankings/{q}/editions`, `GET …/editions/{n}` (the stored
 * ranking with its diff against the previous edition and whether live figures differ) and
 * `POST …/editions` (leaders publish).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from '../contract/zod';
import { editionResponse, editionsResponse, publishResponse } from '../contract/editions';
import { quarterRanking } from '../contract/rankings';
import { apiGet, apiSend } from './http';
import { apiKeys } from './keys';

/**
 * An edition whose stored ranking is parsed with the live ranking's own schema, so the page
 * renders a published edition with the very components (and types) it renders live figures with.
 */
const edition = editionResponse.extend({ ranking: quarterRanking });
export type RankingEditionView = z.output<typeof edition>;
export type EditionList = z.output<typeof editionsResponse>;

export const editionsQuery = (quarter: string) =>
  queryOptions({
    queryKey: apiKeys.editions(quarter),
    queryFn: ({ signal }) => apiGet(`/rankings/${quarter}/editions`, editionsResponse, signal),
  });

/** `enabled` false: no list (editions are of the city feed; an imported source has none). */
export const useEditions = (quarter: string, enabled = true) =>
  useQuery({ ...editionsQuery(quarter), enabled });

export const editionQuery = (quarter: string, n: number) =>
  queryOptions({
    queryKey: apiKeys.edition(quarter, n),
    queryFn: ({ signal }) => apiGet(`/rankings/${quarter}/editions/${n}`, edition, signal),
  });

export const useEdition = (quarter: string, n: number | null) =>
  useQuery({ ...editionQuery(quarter, n ?? 0), enabled: n !== null });

/** Publishes the quarter's live ranking as its next edition (leaders only). */
export function usePublishEdition(quarter: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `/rankings/${quarter}/editions`, publishResponse, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeys.editions(quarter) }),
  });
}
