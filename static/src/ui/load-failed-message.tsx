import { Button } from './button';
import { SectionMessage } from './section-message';

/** A load that failed: what went wrong, and a "Try again" link that asks once more. */
export function LoadFailedMessage({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <SectionMessage
      appearance="error"
      actions={
        <Button appearance="link" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      <p>{message}</p>
    </SectionMessage>
  );
}
