// Scenario 1: the access point's PosixUser is 0:0, so EFS acts as root:
// first.txt is created root-owned (rwx------), whatever uid the function
// itself runs as (993, sbx_user1051, on Lambda).
const fs = require("node:fs");
const { execFileSync } = require("node:child_process");

exports.handler = async () => {
  fs.writeFileSync("/mnt/hoge/first.txt", "first\n", { mode: 0o700 });
  const stat = fs.statSync("/mnt/hoge/first.txt");
  return {
    processUid: process.getuid(),
    processGid: process.getgid(),
    id: execFileSync("id", ["-a"], { encoding: "utf8" }).trim(),
    owner: `${stat.uid}:${stat.gid}`,
    mode: (stat.mode & 0o777).toString(8),
  };
};
