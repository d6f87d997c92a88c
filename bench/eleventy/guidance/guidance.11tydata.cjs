// Eleventy takes the layout (and the page's section) from this directory data file, not from the front matter.
module.exports = {
  layout: "page.njk",
  eleventyComputed: {
    section: (data) => {
      const parts = data.page.inputPath.split("/");
      return parts.length === 4 ? parts[2] : null;
    },
  },
};
