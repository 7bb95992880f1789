import { useEffect, useRef } from 'react';

export interface Problem {
  /** The id of the input the problem is about. */
  id: string;
  label: string;
  message: string;
}

/**
 * Lists a form's problems at its top after a submit, each linking to its field, and takes the
 * focus so that keyboard and screen-reader users hear them. Re-mount it (a new `key`) per submit.
 */
export function ErrorSummary({ problems }: { problems: readonly Problem[] }) {
  const box = useRef<HTMLDivElement>(null);
  const count = problems.length;
  useEffect(() => {
    if (count > 0) box.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div className="vl-message vl-message--error vl-error-summary" role="alert" tabIndex={-1} ref={box}>
      <div className="vl-message-body">
        <p className="vl-message-title">
          {count === 1 ? 'Fix 1 problem to continue' : `Fix ${String(count)} problems to continue`}
        </p>
        <ul>
          {problems.map((problem) => (
            <li key={problem.id}>
              <a
                href={`#${problem.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(problem.id)?.focus();
                }}
              >
                {problem.label}
              </a>
              : {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
