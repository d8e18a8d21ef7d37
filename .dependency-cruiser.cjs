/**
 * Layering rules from shared/design/architecture.md: arrows point down only.
 * engines are pure (no node:* and nothing above them); store sits at the bottom.
 */
module.exports = {
  forbidden: [
    {
      name: "engines-are-pure",
      comment: "engines take values, never I/O: no node builtins",
      severity: "error",
      from: { path: "^src/engines/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "engines-import-nothing-above",
      comment: "engines may import only engines, the pure formats layer and pure packages",
      severity: "error",
      from: { path: "^src/engines/" },
      to: { path: "^src/(?!engines/|formats/)" },
    },
    {
      name: "engines-no-io-packages",
      comment: "engines may not reach file-backed catalogues or drivers",
      severity: "error",
      from: { path: "^src/engines/" },
      to: { path: "node_modules/(@cloud-copilot|better-sqlite3|commander)" },
    },
    {
      name: "formats-are-pure",
      comment:
        "formats (JSON/YAML trees with positions) sit beside the engines: no I/O, nothing above",
      severity: "error",
      from: { path: "^src/formats/" },
      to: { path: "^src/(?!formats/)|^node:|^(fs|path|child_process|net|http|os)$" },
    },
    {
      name: "formats-no-builtins",
      severity: "error",
      from: { path: "^src/formats/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "services-not-above",
      severity: "error",
      from: { path: "^src/(services|templates|check|catalogue)/" },
      to: { path: "^src/(cli|server|runtime|lab|demo)/" },
    },
    {
      name: "demo-not-above",
      comment: "the demo loader calls services directly; the cli calls it, never the reverse",
      severity: "error",
      from: { path: "^src/demo/" },
      to: { path: "^src/(cli|server|runtime)/" },
    },
    {
      name: "protocol-not-above",
      severity: "error",
      from: { path: "^src/protocol/" },
      to: { path: "^src/(cli|server|runtime)/" },
    },
    {
      name: "store-is-bottom",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(?!store/)" },
    },
    {
      name: "clients-stand-alone",
      comment:
        "clients are bundled into workload code (the SMB client in examples/smb): they import only their own files",
      severity: "error",
      from: { path: "^src/clients/" },
      to: { path: "^src/(?!clients/)" },
    },
    {
      name: "clients-no-packages",
      comment: "clients depend on node builtins only, so a function bundles them as they are",
      severity: "error",
      from: { path: "^src/clients/" },
      to: {
        dependencyTypes: [
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-no-pkg",
          "npm-unknown",
        ],
      },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
