/**
 * A 401 from any query means the session is gone: the query cache reports it here and the shell
 * sends the user to the sign-in page with the page they were on as `next`.
 */
import { create } from 'zustand';
import { ApiRequestError } from './http';

interface UnauthorizedState {
  unauthorized: boolean;
  set: (value: boolean) => void;
}

export const useUnauthorized = create<UnauthorizedState>()((set) => ({
  unauthorized: false,
  set: (unauthorized) => set({ unauthorized }),
}));

/** For the QueryCache's `onError`. */
export function reportApiError(error: unknown): void {
  if (error instanceof ApiRequestError && error.status === 401) {
    useUnauthorized.getState().set(true);
  }
}
