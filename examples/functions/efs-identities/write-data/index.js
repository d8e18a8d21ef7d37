// Writes /mnt/data/note.txt. Used by two refusals: a function whose
// security group the mount target does not admit on TCP 2049 (never runs:
// EFSMountConnectivityException, 408), and one whose role has ClientMount
// but not ClientWrite under a file system policy (mounts read-only: EROFS).
const fs = require("node:fs");

exports.handler = async () => {
  fs.writeFileSync("/mnt/data/note.txt", "note\n");
  return fs.readFileSync("/mnt/data/note.txt", "utf8");
};
