/** A passage that matched a search, as the API returns it: plain-text segments, some highlighted. */
export interface HighlightSegment {
  text: string;
  highlighted: boolean;
}

/** Renders the segments as text nodes (React escapes them); matches in <mark>. Never HTML. */
export function HighlightText({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.highlighted ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
