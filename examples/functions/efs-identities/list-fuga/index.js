// Scenario 4: /fuga has a PosixUser but no CreationInfo and does not exist,
// so every mount fails and this handler never runs: Invoke answers
// EFSMountFailureException (403).
const fs = require("node:fs");

exports.handler = async () => fs.readdirSync("/mnt/fuga");
