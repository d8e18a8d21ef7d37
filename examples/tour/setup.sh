#!/usr/bin/env bash
# The quick tour, part 1: the AWS CLI creates a small world in a running
# `accesslab serve` (default http://127.0.0.1:4566) as the bootstrap root:
# a developer user with an access key, a role the developer may assume, an
# EFS file system with an access point and a file system policy, a VPC with
# a Secrets Manager interface endpoint, and a secret whose resource policy
# only lets reads through that endpoint. It prints the export lines that
# part 2 (`node examples/tour/assume-and-call.mjs`) reads.
#
# Works with the Debian awscli package (2.9, which needs --endpoint-url) and
# any later CLI. Set ACCESSLAB_ENDPOINT or AWS to override the defaults.
set -euo pipefail

ENDPOINT="${ACCESSLAB_ENDPOINT:-http://127.0.0.1:4566}"
AWS_BIN="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
unset AWS_SESSION_TOKEN AWS_PROFILE
aws_() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text "$@"; }
policy() { printf '{"Version":"2012-10-17","Statement":[%s]}' "$1"; }
RUN=$(date +%s%N)  # names are unique per run, so the tour can be run again

# A developer who may assume roles (the account root itself cannot, as on AWS).
aws_ iam create-user --user-name "tour-developer-$RUN" >/dev/null
aws_ iam put-user-policy --user-name "tour-developer-$RUN" --policy-name assume-roles \
  --policy-document "$(policy '{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}')"
read -r KEY_ID KEY_SECRET < <(aws_ iam create-access-key --user-name "tour-developer-$RUN" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')

# The role: trusted by the account, allowed to read access points and the secret.
aws_ iam create-role --role-name "tour-app-$RUN" --query Role.Arn \
  --assume-role-policy-document "$(policy '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}')" >/dev/null
aws_ iam put-role-policy --role-name "tour-app-$RUN" --policy-name read \
  --policy-document "$(policy '{"Effect":"Allow","Action":["elasticfilesystem:DescribeAccessPoints","secretsmanager:GetSecretValue"],"Resource":"*"}')"

# EFS: a file system, an access point enforcing 1000:1000, and a policy
# that refuses anything not over TLS and any anonymous client.
FS_ID=$(aws_ efs create-file-system --creation-token "tour-$RUN" --query FileSystemId)
aws_ efs create-access-point --file-system-id "$FS_ID" --query AccessPointId \
  --posix-user Uid=1000,Gid=1000 \
  --root-directory 'Path=/app,CreationInfo={OwnerUid=1000,OwnerGid=1000,Permissions=750}' >/dev/null
aws_ efs put-file-system-policy --file-system-id "$FS_ID" --query FileSystemId \
  --policy "$(policy '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":["elasticfilesystem:ClientMount","elasticfilesystem:ClientWrite"]},{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}')" >/dev/null

# A VPC with a Secrets Manager interface endpoint, and a secret readable only through it.
VPC_ID=$(aws_ ec2 create-vpc --cidr-block 10.42.0.0/16 --query Vpc.VpcId)
SUBNET_ID=$(aws_ ec2 create-subnet --vpc-id "$VPC_ID" --cidr-block 10.42.1.0/24 \
  --availability-zone us-east-1a --query Subnet.SubnetId)
VPCE_ID=$(aws_ ec2 create-vpc-endpoint --vpc-id "$VPC_ID" --vpc-endpoint-type Interface \
  --service-name com.amazonaws.us-east-1.secretsmanager --subnet-ids "$SUBNET_ID" \
  --query VpcEndpoint.VpcEndpointId)
SECRET_ARN=$(aws_ secretsmanager create-secret --name "tour/db-$RUN" \
  --secret-string '{"username":"app","password":"local-only"}' --query ARN)
aws_ secretsmanager put-resource-policy --secret-id "$SECRET_ARN" --query ARN \
  --resource-policy "$(policy "{\"Sid\":\"OnlyThroughTheEndpoint\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:sourceVpce\":\"$VPCE_ID\"}}}")" >/dev/null

cat <<EXPORTS
export TOUR_ENDPOINT=$ENDPOINT
export TOUR_KEY_ID=$KEY_ID
export TOUR_KEY_SECRET=$KEY_SECRET
export TOUR_ROLE_ARN=arn:aws:iam::000000000000:role/tour-app-$RUN
export TOUR_FILE_SYSTEM_ID=$FS_ID
export TOUR_SECRET_ARN=$SECRET_ARN
export TOUR_VPCE_ID=$VPCE_ID
EXPORTS
