/** The attachments' larger view and camera: a modal panel over the detail pane that Esc closes. */
import type { ReactNode } from 'react';

export function Overlay({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div
      className="attachment-view"
      role="dialog"
      aria-modal="true"
      aria-label={label}
      onKeyDown={(e) => {
        // Handled here: the detail pane's own Esc (close the pane) sees it prevented.
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}
