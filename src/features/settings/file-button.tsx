import { Button } from 'antd';
import { useId, useRef, type ReactNode } from 'react';

/**
 * A button that opens the file chooser: a real, labelled file input kept visually hidden (not
 * `display: none`, so assistive technology and tests can still reach it) behind a normal button
 * that is focusable and works with Enter and Space.
 */
export function FileButton({
  label,
  accept,
  onFile,
  icon,
  testId,
}: {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  icon?: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        aria-label={label}
        data-testid={testId}
        tabIndex={-1}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so choosing the same file again fires onChange again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button icon={icon} onClick={() => ref.current?.click()}>
        {label}
      </Button>
    </>
  );
}
