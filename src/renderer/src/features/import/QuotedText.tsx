/**
 * A message from the services with names in “curly quotes” (file names, document titles). Each
 * quoted name is isolated with <bdi>, so an Arabic title inside an English sentence (or the
 * reverse) keeps its own direction and does not scramble the punctuation around it.
 */
export function QuotedText({ text }: { text: string }) {
  const parts = text.split(/“([^”]*)”/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i}>
            “<bdi>{part}</bdi>”
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
