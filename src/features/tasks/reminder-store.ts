/**
 * Which reminders the supervisor has already chased (已督办), remembered in this browser. The key
 * includes the status and the due day, so a task that turns from 临期 into 逾期, or gets a new
 * deadline, comes back as a new reminder.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { TaskRow } from '../../engine/tasks';

interface ReminderState {
  handled: Record<string, true>;
  toggle: (key: string) => void;
}

export const useReminderStore = create<ReminderState>()(
  persist(
    (set) => ({
      handled: {},
      toggle: (key) =>
        set((s) => {
          const handled = { ...s.handled };
          if (handled[key]) delete handled[key];
          else handled[key] = true;
          return { handled };
        }),
    }),
    { name: 'ducha.task-reminders' },
  ),
);

/** The identity of a reminder: task, status and the due day it is about. */
export function reminderKey(row: TaskRow): string {
  const due = row.ev.status === 'overdue' ? row.ev.deadline : (row.ev.next?.due ?? row.ev.deadline);
  return `${row.task.id}|${row.ev.status}|${due ?? ''}`;
}
