// Seeds situation 4: reads the SMB file share's host, share, user and
// password from Secrets Manager (inside the VPC the SDK reaches the secret
// through the interface endpoint, so the secret's `aws:sourceVpce` policy
// lets it through), then writes a file on the share and lists it over
// SMB 3 with encryption, using the bundled @accesslab/smb-client.
//
// The event may ask for another client: `{"dialects":["2.0.2","2.1"]}`
// behaves like an SMB 2-only library, `{"encryption":"off"}` like a client
// that never encrypts; a file server that requires encryption refuses both.
const { GetSecretValueCommand, SecretsManagerClient } = require("@aws-sdk/client-secrets-manager");

const secrets = new SecretsManagerClient({});

exports.handler = async (event, context) => {
  const { SmbClient } = await import("@accesslab/smb-client");
  const { SecretString } = await secrets.send(
    new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }),
  );
  const { host, share: shareName, username, password } = JSON.parse(SecretString);
  const client = await SmbClient.connect({
    host,
    username,
    password,
    encryption: event?.encryption ?? "desired",
    ...(event?.dialects ? { dialects: event.dialects } : {}),
  });
  try {
    const share = await client.share(shareName);
    const name = `written-by-lambda-${context.awsRequestId}.txt`;
    await share.writeFile(name, `written by ${context.functionName} over SMB ${client.dialect}\n`);
    const files = (await share.readdir("")).map((entry) => entry.name).sort();
    return {
      server: `\\\\${host}\\${shareName}`,
      dialect: client.dialect,
      encrypted: client.encrypted,
      wrote: name,
      files,
    };
  } finally {
    client.close();
  }
};
