/**
 * The 督办 writes: issue (`POST /notices`), respond, appeal, decide, send back (return), close. Each answers the
 * notice; on success every view refetches (a revocation changes the figures), and a 409
 * (`conflict`: someone acted first, or the action is no longer legal) reaches the caller as an
 * ApiRequestError to show with a reload.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from '../contract/zod';
import type {
  appealBody,
  closeBody,
  decisionBody,
  issueNoticeBody,
  respondBody,
  returnBody,
} from '../contract/duban';
import { noticeItem, type NoticeItem } from '../contract/duban';
import { apiSend } from './http';
import { apiKeys } from './keys';

export type IssueInput = z.input<typeof issueNoticeBody>;
export type RespondInput = z.input<typeof respondBody>;
export type AppealInput = z.input<typeof appealBody>;
export type DecisionInput = z.input<typeof decisionBody>;
export type CloseInput = z.input<typeof closeBody>;
export type ReturnInput = z.input<typeof returnBody>;

export type NoticeAction =
  | { kind: 'response'; body: RespondInput }
  | { kind: 'appeal'; body: AppealInput }
  | { kind: 'decision'; body: DecisionInput }
  | { kind: 'return'; body: ReturnInput }
  | { kind: 'close'; body: CloseInput };

export function issueNotice(body: IssueInput): Promise<NoticeItem> {
  return apiSend('POST', '/notices', noticeItem, body);
}

export function actOnNotice(id: number, action: NoticeAction): Promise<NoticeItem> {
  return apiSend('POST', `/notices/${id}/${action.kind}`, noticeItem, action.body);
}

function useRefetchAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: apiKeys.all });
}

export function useIssueNotice() {
  const refetch = useRefetchAll();
  return useMutation({ mutationFn: issueNotice, onSuccess: refetch });
}

export function useNoticeAction(id: number) {
  const refetch = useRefetchAll();
  return useMutation({
    mutationFn: (action: NoticeAction) => actOnNotice(id, action),
    onSuccess: refetch,
  });
}
