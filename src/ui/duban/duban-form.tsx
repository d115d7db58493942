import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { ActionError } from './action-error';

/** The state of the write a form sends (a react-query mutation). */
export interface FormAction {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** Trimmed texts, or null when one is empty (the service would refuse it with a 400). */
export function filled(...texts: string[]): string[] | null {
  const t = texts.map((s) => s.trim());
  return t.some((s) => s === '') ? null : t;
}

/**
 * Every 督办 form (issue, respond, appeal, decide, send back): its fields, one submit button that
 * stays disabled until the required fields are filled, and the action's failure — a 409 (someone
 * acted first, or the step is no longer allowed) shown with a reload.
 */
export function DubanForm({
  children,
  ready,
  onSubmit,
  submitLabel,
  submitTestId,
  action,
  onReload,
  extra,
  secondary = false,
}: {
  children: ReactNode;
  ready: boolean;
  onSubmit: () => void;
  submitLabel: string;
  submitTestId: string;
  action: FormAction;
  onReload: () => void;
  /** Beside the submit button (e.g. a cancel). */
  extra?: ReactNode;
  /** The page's main action is primary; a second form beside it (退回 next to 办结) is not. */
  secondary?: boolean;
}) {
  return (
    <Form layout="vertical">
      {children}
      <Space>
        <Button
          type={secondary ? 'default' : 'primary'}
          disabled={!ready}
          loading={action.isPending}
          data-testid={submitTestId}
          onClick={() => {
            if (ready) onSubmit();
          }}
        >
          {submitLabel}
        </Button>
        {extra}
      </Space>
      {action.isError ? (
        <div style={{ marginTop: 12 }}>
          <ActionError error={action.error} onReload={onReload} />
        </div>
      ) : null}
    </Form>
  );
}
