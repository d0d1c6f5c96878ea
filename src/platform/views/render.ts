import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Renders a page to an HTML document. Preact escapes every text and attribute value by default;
 * raw HTML needs an explicit `dangerouslySetInnerHTML`, which lint forbids outside platform/views.
 */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

export function renderFragment(node: VNode): string {
  return renderToString(node);
}
