// Scenario 2: the access point's PosixUser is 1001:1001, the owner of /hoge.
// Appending to first.txt fails with "Permission denied": the file is
// root-owned with no permission for anyone else (not because of /hoge's mode).
const fs = require("node:fs");

exports.handler = async () => {
  fs.appendFileSync("/mnt/hoge/first.txt", "second\n");
  return "appended";
};
