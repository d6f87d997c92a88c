// A local Netlify Build plugin: keeps the .NET SDK, the NuGet packages and npm's download cache between Netlify
// builds, so a deploy does not download about 200 MB of SDK and packages every time.
//
// It owns one folder in the build's home directory and tells scripts/netlify-build where it is (CQCGUIDE_TOOLS);
// the script installs the SDK named in global.json into <folder>/dotnet when the cached one is missing or older, and
// points NuGet at <folder>/nuget. Netlify restores the folder before the build command and saves it after a build
// that succeeded ("Clear cache and deploy site" starts again from nothing).
'use strict';
const os = require('os');
const path = require('path');

/** The cached folder, and what goes in it. */
function toolsFolder(home = os.homedir()) {
  return path.join(home, '.cqcguide-tools');
}

function cachedPaths(home = os.homedir()) {
  const tools = toolsFolder(home);
  return [tools, path.join(home, '.npm')];
}

module.exports = {
  toolsFolder,
  cachedPaths,
  async onPreBuild({ utils, netlifyConfig }) {
    await utils.cache.restore(cachedPaths());
    netlifyConfig.build.environment.CQCGUIDE_TOOLS = toolsFolder();
  },
  async onPostBuild({ utils }) {
    await utils.cache.save(cachedPaths());
  },
};
