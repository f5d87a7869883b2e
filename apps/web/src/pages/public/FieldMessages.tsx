import { GovFormMessage } from '@gov-design-system-ce/react';

/**
 * All messages of one field in a single message element, so the id that the field's
 * `aria-describedby` points to stays unique however many problems the field has.
 */
export function FieldMessages({ identifier, messages }: { identifier: string; messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <GovFormMessage color="error" identifier={identifier}>
      {messages.map((message) => (
        <span key={message} className="field-message">
          {message}
        </span>
      ))}
    </GovFormMessage>
  );
}

/** Several messages for a field component that shows one message element per entry: one entry, every message in it. */
export function joined(messages: readonly string[] | undefined): string[] | undefined {
  return messages?.length ? [messages.join(' ')] : undefined;
}
