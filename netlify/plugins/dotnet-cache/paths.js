// What the dotnet-cache plugin keeps between Netlify builds. Kept apart from index.js because Netlify refuses a
// plugin module that exports anything but event handlers.
'use strict';
const os = require('os');
const path = require('path');

/** The folder the SDK (<folder>/dotnet) and NuGet's packages (<folder>/nuget) go in. */
function toolsFolder(home = os.homedir()) {
  return path.join(home, '.cqcguide-tools');
}

/** Every folder restored before the build and saved after it: the tools and npm's download cache. */
function cachedPaths(home = os.homedir()) {
  return [toolsFolder(home), path.join(home, '.npm')];
}

module.exports = { toolsFolder, cachedPaths };
