// Eleventy site for the build benchmark (bench/run copies this folder next to the generated Markdown).
// Comparable with CqcGuide and the Hugo layout: GitHub-style heading ids, relative .md links turned into page URLs
// (a link that does not resolve fails the build), a side navigation of the sections with the current one
// expanded, previous/next, pages per tag / quality statement / key question, and sitemap.xml.
const fs = require("node:fs");
const path = require("node:path");
const anchor = require("markdown-it-anchor");

const slugify = (s) => s.toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("css");

  eleventyConfig.amendLibrary("md", (md) => {
    md.use(anchor, { slugify, tabIndex: false });
    const render = md.renderer.rules.link_open || ((tokens, idx, options, env, self) => self.renderToken(tokens, idx, options));
    md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      const href = token.attrGet("href") || "";
      if (!/^[a-z]+:|^\/|^#/i.test(href) && /\.md(#|$)/.test(href)) {
        const [file, fragment] = href.split("#");
        const from = env.page.inputPath;                      // ./guidance/section-001/page-01.md
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
        if (!fs.existsSync(target)) throw new Error(`${from}: link ${href} does not resolve`);
        const url = "/" + target.replace(/\.md$/, "/").replace(/(^|\/)index\/$/, "$1");
        token.attrSet("href", url + (fragment ? "#" + fragment : ""));
      } else if (/^https?:/.test(href)) {
        token.attrSet("rel", "noopener");
      }
      return render(tokens, idx, options, env, self);
    };
  });

  eleventyConfig.addFilter("longDate", (d) => (d instanceof Date ? longDate.format(d) : d));
  eleventyConfig.addFilter("isoDate", (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
  // Table of contents from the rendered h2/h3 headings (Hugo's .TableOfContents, CqcGuide's toc partial).
  eleventyConfig.addFilter("toc", (html) => {
    const re = /<h([23]) id="([^"]+)"[^>]*>(.*?)<\/h\1>/g;
    const items = [];
    for (let m; (m = re.exec(html)); ) {
      if (m[1] === "2" || items.length === 0) items.push({ id: m[2], text: m[3], children: [] });
      else items[items.length - 1].children.push({ id: m[2], text: m[3] });
    }
    if (items.length < 2) return "";
    const li = (e) => `<li><a href="#${e.id}">${e.text}</a>`;
    return "<ol>" + items.map((i) => li(i) + (i.children.length ? "<ol>" + i.children.map((c) => li(c) + "</li>").join("") + "</ol>" : "") + "</li>").join("") + "</ol>";
  });

  // The guidance tree, built once: sections in order with their pages, and previous/next in reading order.
  eleventyConfig.addCollection("guide", (api) => {
    const byOrder = (a, b) => (a.data.order ?? 0) - (b.data.order ?? 0) || String(a.data.title).localeCompare(String(b.data.title));
    const pages = api.getFilteredByGlob("./guidance/**/*.md");
    const root = pages.find((p) => p.inputPath === "./guidance/index.md");
    const sections = new Map();
    for (const p of pages) {
      const parts = p.inputPath.split("/");
      if (parts.length !== 4) continue;
      const s = sections.get(parts[2]) || { id: parts[2], index: null, pages: [] };
      if (parts[3] === "index.md") s.index = p; else s.pages.push(p);
      sections.set(parts[2], s);
    }
    const ordered = [...sections.values()].sort((a, b) => byOrder(a.index, b.index));
    const flat = [root];
    for (const s of ordered) { s.pages.sort(byOrder); flat.push(s.index, ...s.pages); }
    const neighbours = {};
    flat.forEach((p, i) => { neighbours[p.url] = { prev: flat[i - 1], next: flat[i + 1] }; });
    return { root, sections: ordered, bySection: Object.fromEntries(ordered.map((s) => [s.id, s])), neighbours };
  });

  // Pages per tag, quality statement and key question (CqcGuide's taxonomy pages, Hugo's taxonomies).
  const AXES = ["tags", "quality_statements", "key_questions"];
  eleventyConfig.addCollection("terms", (api) => {
    const terms = new Map();
    for (const p of api.getFilteredByGlob("./guidance/**/*.md")) {
      for (const axis of AXES) {
        for (const key of p.data[axis] || []) {
          const id = axis + "/" + key;
          if (!terms.has(id)) terms.set(id, { axis, key, pages: [] });
          terms.get(id).pages.push(p);
        }
      }
    }
    return [...terms.values()].sort((a, b) => (a.axis + a.key).localeCompare(b.axis + b.key))
      .map((t) => ({ ...t, pages: t.pages.sort((a, b) => String(a.data.title).localeCompare(String(b.data.title))) }));
  });
  eleventyConfig.addCollection("axes", (api) => AXES.map((axis) => ({ axis })));
  eleventyConfig.addFilter("termsOf", (terms, axis) => terms.filter((t) => t.axis === axis));

  return {
    // Plain Markdown, as in CqcGuide and Hugo: no Liquid pre-processing of .md files (Eleventy's default is Liquid).
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
};
