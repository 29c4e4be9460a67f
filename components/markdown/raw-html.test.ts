import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "./Markdown";
import { htmlInMarkdown } from "./raw-html";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("htmlInMarkdown", () => {
  it("finds inline tags and HTML blocks as the parser sees them", () => {
    expect(htmlInMarkdown("I work on <b>networking</b>.\n\n<div align=center>\nLogo\n</div>\n")).toEqual(["<b>", "</b>", "<div align=center>\nLogo\n</div>"]);
    expect(htmlInMarkdown("<!-- draft -->\nHello")).toEqual(["<!-- draft -->"]);
  });

  it("ignores what only looks like HTML: code, comparisons, autolinks", () => {
    expect(htmlInMarkdown("Write `<b>` for bold.\n\n```\n<script>alert(1)</script>\n```\n")).toEqual([]);
    expect(htmlInMarkdown("if a < b and b > c")).toEqual([]);
    expect(htmlInMarkdown("See <https://example.org> or mail <me@example.org>.")).toEqual([]);
    expect(htmlInMarkdown("")).toEqual([]);
  });
});

describe("Markdown with HTML in it", () => {
  it("shows inline HTML as text in its sentence instead of dropping it", () => {
    expect(render("I maintain <b>the scheduler</b> today.")).toBe("<div class=\"prose-hustings space-y-3 text-gray-900 [&amp;_blockquote]:border-l-4 [&amp;_blockquote]:pl-3 [&amp;_code]:rounded [&amp;_code]:bg-gray-100 [&amp;_code]:px-1 [&amp;_li]:ml-5 [&amp;_ol]:list-decimal [&amp;_ul]:list-disc\"><p>I maintain &lt;b&gt;the scheduler&lt;/b&gt; today.</p></div>");
  });

  it("keeps an HTML block's lines visible, each on its own line, and the text after it", () => {
    // mdast-to-hast puts a newline after each <br/>: compare without them.
    const out = render("Intro\n\n<div>\nFirst line\nSecond line\n</div>\n\nAfter").replace(/\n/g, "");
    expect(out).toContain("<p>Intro</p>");
    expect(out).toContain("<p>&lt;div&gt;<br/>First line<br/>Second line<br/>&lt;/div&gt;</p>");
    expect(out).toContain("<p>After</p>");
  });

  it("never creates a script, image or event handler from HTML", () => {
    const out = render('<script>alert("x")</script>\n\nHi <img src=x onerror="alert(1)"> there\n\n<iframe src="https://evil.example"></iframe>');
    expect(out).not.toMatch(/<script|<img|<iframe/i);
    // A real tag starts with "<"; the escaped text shows "&lt;".
    expect(out).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out).toContain("Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; there");
    expect(out).toContain("&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;");
  });

  it("inside a list item and a quote too", () => {
    const out = render("- one <em>two</em>\n\n> <span>quoted</span>");
    expect(out).toContain("one &lt;em&gt;two&lt;/em&gt;");
    expect(out).toContain("&lt;span&gt;quoted&lt;/span&gt;");
    expect(out).not.toMatch(/<em>|<span>/);
  });
});
