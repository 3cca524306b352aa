import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightText } from './highlight-text';

afterEach(cleanup);

describe('HighlightText', () => {
  it('marks the matches and renders every segment as text, never as HTML', () => {
    const { container } = render(
      <p>
        <HighlightText
          segments={[
            { text: 'поддержка ', highlighted: false },
            { text: 'семьи', highlighted: true },
            { text: ' <img src=x onerror=alert(1)>', highlighted: false },
            { text: '<b>семей</b>', highlighted: true },
          ]}
        />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const marks = [...container.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['семьи', '<b>семей</b>']);
    expect(container.textContent).toBe('поддержка семьи <img src=x onerror=alert(1)><b>семей</b>');
    expect(container.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
