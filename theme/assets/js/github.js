// GitHub's "create a new file" page as an address (pure: no DOM, tested in Jint).

/** The longest GitHub address a page opens; a longer file is downloaded and uploaded instead. */
export const MAX_PROPOSE_URL = 8000;

/**
 * GitHub's new-file page at `base` (…/new/<branch>/<folder>) with the file's name and content filled in: the content
 * travels only when the team presses the button, and only to their own repository. Null when the address would be too
 * long for browsers and GitHub.
 */
export function newFileUrl(base, filename, content) {
  const url = `${base}?filename=${encodeURIComponent(filename)}&value=${encodeURIComponent(content)}`;
  return url.length > MAX_PROPOSE_URL ? null : url;
}
