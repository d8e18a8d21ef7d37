// Creates /hoge as 1001:1001 drwxr-x--- through an access point whose
// PosixUser is 0:0 and whose root is the file system's root, so the /hoge
// access points later find it already there (seeds-digest section 1).
const fs = require("node:fs");

exports.handler = async () => {
  fs.mkdirSync("/mnt/root/hoge", { recursive: true });
  fs.chmodSync("/mnt/root/hoge", 0o750);
  fs.chownSync("/mnt/root/hoge", 1001, 1001);
  const stat = fs.statSync("/mnt/root/hoge");
  return { uid: stat.uid, gid: stat.gid, mode: (stat.mode & 0o7777).toString(8) };
};
