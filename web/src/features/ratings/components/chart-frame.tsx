import { Component, Suspense, type ReactNode } from 'react';

/**
 * Where a lazily loaded chart goes. The picture is decoration for sighted readers (hidden from
 * assistive technology; the figure's caption and table say the same in words), so while its code
 * loads the frame keeps its height, and when the code fails to load the frame stays empty instead
 * of taking the page down.
 */
export function ChartFrame({ height, children }: { height: number; children: ReactNode }) {
  return (
    <div className="rating-chart__frame" style={{ height }} aria-hidden="true">
      <ChartErrorBoundary>
        <Suspense fallback={null}>{children}</Suspense>
      </ChartErrorBoundary>
    </div>
  );
}

class ChartErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
