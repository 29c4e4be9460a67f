import ReactMarkdown, { type Components } from "react-markdown";
import { remarkHtmlAsText } from "./raw-html";

// Statements are written by candidates: links must not pass reputation or
// hand the opener to the target, and images are shown as links so a statement
// cannot load third-party trackers into the page.
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="nofollow noopener noreferrer" className="text-blue-800 underline">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === "string" ? (
      <a href={src} rel="nofollow noopener noreferrer" className="text-blue-800 underline">
        {alt || "image"}
      </a>
    ) : null,
  h1: ({ children }) => <h3 className="mt-4 text-xl font-bold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-4 text-lg font-bold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-3 font-bold">{children}</h5>,
};

/**
 * Candidate Markdown, rendered without raw HTML: remarkHtmlAsText turns HTML
 * into visible text before rendering (skipHtml stays as a second guard: any
 * raw node left would be dropped, never rendered), and react-markdown strips
 * dangerous URLs such as javascript:.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-hustings space-y-3 text-gray-900 [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown skipHtml remarkPlugins={[remarkHtmlAsText]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
