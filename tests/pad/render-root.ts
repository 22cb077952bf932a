import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * For each test of the file: a fresh extension storage and an element in the document to render the pad into,
 * unmounted and removed after the test. Returns the current test's element.
 */
export function renderRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
  return () => {
    if (!root) throw new Error('The render root exists only while a test runs.');
    return root;
  };
}
