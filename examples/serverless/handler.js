// Handlers of the example service (CommonJS, as `serverless package` zips
// them). `thumbnail` reacts to uploads in an existing bucket; `report`
// appends a line to a file on the EFS file system mounted at /mnt/reports.

const { appendFile } = require("node:fs/promises");

module.exports.thumbnail = async (event) => {
  const keys = (event.Records ?? []).map((r) => r.s3.object.key);
  console.log(`new uploads: ${keys.join(", ")}`);
  return { keys };
};

module.exports.report = async () => {
  const line = `${new Date().toISOString()} report\n`;
  await appendFile("/mnt/reports/reports.log", line);
  return { written: line.length };
};
