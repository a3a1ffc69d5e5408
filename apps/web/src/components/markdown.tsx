import ReactMarkdown, { type Components } from 'react-markdown';
import styles from './markdown.module.css';

// Markdown written by users (task descriptions, comments), rendered on the server. Raw HTML in the text
// is dropped (skipHtml), link targets pass react-markdown's URL filter (no javascript: and the like), and
// images become links: loading them from other hosts is what the page's CSP forbids.
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow ugc" target="_blank">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} rel="noopener noreferrer nofollow ugc" target="_blank">
        {alt || src}
      </a>
    ) : null,
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
};

export function Markdown({ text }: { readonly text: string }) {
  return (
    <div className={styles.markdown}>
      <ReactMarkdown skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
