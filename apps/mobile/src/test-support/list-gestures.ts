import { fireEvent } from 'expo-router/testing-library';
import type { ReactTestInstance } from 'react-test-renderer';

// Nothing is laid out under Jest, so a list cannot work out that its end is visible or that it was
// pulled: these raise the events a device would, on the list found by its testID.

/** What a scroll to the bottom makes the list call. */
export function scrollToEnd(list: ReactTestInstance): void {
  fireEvent(list, 'endReached', { distanceFromEnd: 0 });
}

/** What pulling the list down makes its RefreshControl call (the mock renders it inside the list). */
export function pullToRefresh(list: ReactTestInstance): void {
  const control = list.children.find(
    (child): child is ReactTestInstance => typeof child !== 'string' && typeof child.props.onRefresh === 'function',
  );
  if (control === undefined) throw new Error('the list has no RefreshControl');
  fireEvent(control, 'refresh');
}
