// Scenario 3: /piyo is created at the first mount from CreationInfo
// (1002:1002, 764 = drwxrw-r--). Without a PosixUser the function writes as
// 993:990, an "other" with r-- only: EACCES. With PosixUser 1002:1002 the
// write succeeds and the file is owned 1002:1002.
const fs = require("node:fs");

exports.handler = async () => {
  const root = fs.statSync("/mnt/piyo");
  fs.writeFileSync("/mnt/piyo/hello.txt", "hello\n");
  const file = fs.statSync("/mnt/piyo/hello.txt");
  return {
    root: `${root.uid}:${root.gid} ${(root.mode & 0o777).toString(8)}`,
    file: `${file.uid}:${file.gid}`,
  };
};
