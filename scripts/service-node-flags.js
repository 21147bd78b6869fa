// The flags both services run with, from package.json's config.serviceNodeFlags: npm passes
// them to `npm run start:*`, and this gives them to whatever else starts a service.
const { config } = require('../package.json');

module.exports = { serviceNodeFlags: config.serviceNodeFlags.split(/\s+/).filter(Boolean) };
