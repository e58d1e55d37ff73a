#!/usr/bin/env python3
"""Write a Lambda deployment zip holding exactly one entry: `bootstrap`, mode 0755, at the zip root.

Usage: zip_bootstrap.py BINARY OUTPUT.zip

The archive is reproducible (fixed timestamp, fixed order) so that an unchanged binary gives an unchanged
zip and `sam deploy` / `aws lambda update-function-code` upload nothing new.
"""

import os
import stat
import sys
import zipfile


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, output = argv[1], argv[2]
    try:
        with open(binary, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"error: cannot read the binary {binary}: {e}", file=sys.stderr)
        return 1
    if not data.startswith(b"\x7fELF"):
        print(f"error: {binary} is not an ELF executable", file=sys.stderr)
        return 1

    info = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
    info.create_system = 3  # Unix, so that Lambda honours the mode bits below
    info.external_attr = (stat.S_IFREG | 0o755) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    tmp = output + ".tmp"
    try:
        with zipfile.ZipFile(tmp, "w") as z:
            z.writestr(info, data, compresslevel=9)
        os.replace(tmp, output)
    except OSError as e:
        print(f"error: cannot write {output}: {e}", file=sys.stderr)
        return 1
    print(f"{output}: bootstrap {len(data)} bytes, zip {os.path.getsize(output)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
