/** A control with its label beside it (label for=id), so its name is the label's words alone. */
import { useId, type ReactNode } from 'react';

export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <span className="chart-field">
      <label htmlFor={id}>{label}</label> {children(id)}
    </span>
  );
}
