/**
 * A code's definition where researchers tag. <CodeDefinition> is the block (names in both
 * languages, the definition, the example in its own direction); <CodeDefinitionTip> wraps any
 * label so that hovering or focusing it shows the definition, and screen readers hear it as the
 * label's description.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Code } from '@shared/model';
import { BilingualName } from '../../app/BilingualName';
import { useCodebookStrings } from './strings';
import './codebook.css';

export function CodeDefinition({ code, compact = false }: { code: Code; compact?: boolean }) {
  const c = useCodebookStrings();
  return (
    <div className={`code-definition${compact ? ' compact' : ''}`}>
      <div className="code-definition-names">
        <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
        <strong>
          <BilingualName name={code.name} nameAr={code.nameAr} />
        </strong>
        {code.key && <kbd aria-label={`${c.key} ${code.key}`}>{code.key}</kbd>}
      </div>
      {code.description && (
        <p className="code-definition-text" lang="en" dir="auto">
          {code.description}
        </p>
      )}
      {code.example && (
        <blockquote className="code-definition-example" lang="ar" dir="auto">
          {code.example}
        </blockquote>
      )}
    </div>
  );
}

/** Wrap a code's label: its definition appears on hover and keyboard focus. */
export function CodeDefinitionTip({ code, children }: { code: Code; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span
      className="code-tip"
      aria-describedby={`${id}-def`}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      {children}
      <span id={`${id}-def`} role="tooltip" className="code-tip-body" hidden={!open}>
        <CodeDefinition code={code} compact />
      </span>
    </span>
  );
}
