// A local Netlify Build plugin: keeps the .NET SDK, the NuGet packages and npm's download cache between Netlify
// builds, so a deploy does not download about 200 MB of SDK and packages every time.
//
// It owns one folder in the build's home directory (paths.js) and tells scripts/netlify-build where it is
// (CQCGUIDE_TOOLS); the script installs the SDK global.json asks for into <folder>/dotnet when the cached one cannot
// serve it, and points NuGet at <folder>/nuget. Netlify restores the folder before the build command and saves it
// after a build that succeeded ("Clear cache and deploy site" starts again from nothing). Netlify accepts only event
// handlers as this module's exports.
'use strict';
const { toolsFolder, cachedPaths } = require('./paths.js');

module.exports = {
  async onPreBuild({ utils, netlifyConfig }) {
    await utils.cache.restore(cachedPaths());
    netlifyConfig.build.environment.CQCGUIDE_TOOLS = toolsFolder();
  },
  async onPostBuild({ utils }) {
    await utils.cache.save(cachedPaths());
  },
};
