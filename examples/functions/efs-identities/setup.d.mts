// Types of setup.mjs for the TypeScript test that imports it.

/** The functions, in the order the report ran them. */
export declare const FUNCTIONS: {
  readonly prepareHoge: string;
  readonly writeFirst: string;
  readonly appendFirst: string;
  readonly writePiyoSandbox: string;
  readonly writePiyo1002: string;
  readonly listFuga: string;
  readonly closedNetwork: string;
  readonly readOnly: string;
};

/** Creates the network, file systems, access points, roles and functions. */
export declare function setUp(config: {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}): Promise<{
  fileSystemId: string;
  guardedFileSystemId: string;
  accessPoints: Record<string, string>;
  subnetId: string;
  functionGroup: string;
  functionRole: string;
}>;
