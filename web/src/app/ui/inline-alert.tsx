/** Messages of a failed action, announced; nothing when there are none. */
export function InlineAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="inline-alert" role="alert">
      {messages.map((message, i) => (
        <p key={i}>{message}</p>
      ))}
    </div>
  );
}

/** The messages of a payload's userErrors, for InlineAlert. */
export const messagesOf = (errors: readonly { message: string }[]): string[] => errors.map((e) => e.message);
