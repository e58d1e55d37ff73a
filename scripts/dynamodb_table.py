#!/usr/bin/env python3
"""Creates the persistent-attributes table for local use (DynamoDB Local, moto, LocalStack or a dev account).

    make dynamodb-table TABLE=my-skill-attributes ENDPOINT=http://127.0.0.1:8000

The skill never creates tables itself: in AWS, template.yml declares the table. The layout is the ASK
SDK adapter's: partition key `id` (string), on-demand billing. Credentials and region come from the usual
AWS environment variables (any values do for a local endpoint). Uses boto3 from the project's .venv
(installed by scripts/install-test-tools.sh). Exits 0 if the table exists already.
"""
import argparse
import os
import sys

import boto3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table")
    parser.add_argument("--endpoint", default=os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None)
    parser.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    parser.add_argument("--key", default="id", help="partition key attribute name (ASK: partitionKeyName)")
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    client = boto3.client("dynamodb", endpoint_url=args.endpoint, region_name=args.region)
    try:
        client.create_table(
            TableName=args.table,
            AttributeDefinitions=[{"AttributeName": args.key, "AttributeType": "S"}],
            KeySchema=[{"AttributeName": args.key, "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
        )
    except client.exceptions.ResourceInUseException:
        print(f"table {args.table} exists already")
        return 0
    client.get_waiter("table_exists").wait(TableName=args.table, WaiterConfig={"Delay": 1})
    print(f"created table {args.table}" + (f" at {args.endpoint}" if args.endpoint else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
