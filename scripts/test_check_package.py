#!/usr/bin/env python3
"""Self-test of check_package.py: every trap it guards against must make it fail.

Usage: test_check_package.py ARM64_ZIP X86_64_ZIP   (zips built by `make package-all`)
"""

import io
import os
import stat
import sys
import tempfile
import unittest
import zipfile
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_package  # noqa: E402

ZIPS: dict[str, str] = {}


def run_checks(zip_path: str, arch: str, max_glibc=(2, 34), max_bytes=1_000_000) -> int:
    r = check_package.Report()
    with redirect_stdout(io.StringIO()):
        data = check_package.check_zip(zip_path, max_bytes, r)
        if data is not None:
            check_package.check_elf(data, arch, max_glibc, r)
    return r.failed


class CheckPackage(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        with zipfile.ZipFile(ZIPS["arm64"]) as z:
            self.binary = z.read("bootstrap")

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def write_zip(self, entries: list[tuple[str, bytes, int]]) -> str:
        path = os.path.join(self.tmp.name, "t.zip")
        with zipfile.ZipFile(path, "w") as z:
            for name, data, mode in entries:
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = mode << 16
                # Deflate as scripts/zip_bootstrap.py does, so that only the trap under test fails
                # (a stored 1.7 MB binary would also fail the size check).
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data, compresslevel=9)
        return path

    def test_built_packages_pass(self) -> None:
        for arch, path in ZIPS.items():
            self.assertEqual(run_checks(path, arch), 0, path)

    def test_wrong_architecture_fails(self) -> None:
        self.assertEqual(run_checks(ZIPS["arm64"], "x86_64"), 1)
        self.assertEqual(run_checks(ZIPS["x86_64"], "arm64"), 1)

    def test_bootstrap_inside_a_folder_fails(self) -> None:
        path = self.write_zip([("hello_world/bootstrap", self.binary, stat.S_IFREG | 0o755)])
        self.assertGreater(run_checks(path, "arm64"), 0)

    def test_wrong_name_fails(self) -> None:
        path = self.write_zip([("hello_world", self.binary, stat.S_IFREG | 0o755)])
        self.assertGreater(run_checks(path, "arm64"), 0)

    def test_extra_entry_fails(self) -> None:
        path = self.write_zip([
            ("bootstrap", self.binary, stat.S_IFREG | 0o755),
            ("README.md", b"hi", stat.S_IFREG | 0o644),
        ])
        self.assertGreater(run_checks(path, "arm64"), 0)

    def test_missing_execute_bit_fails(self) -> None:
        path = self.write_zip([("bootstrap", self.binary, stat.S_IFREG | 0o644)])
        self.assertEqual(run_checks(path, "arm64"), 1)

    def test_oversized_zip_fails(self) -> None:
        self.assertEqual(run_checks(ZIPS["arm64"], "arm64", max_bytes=1000), 1)

    def test_not_an_elf_fails(self) -> None:
        path = self.write_zip([("bootstrap", b"#!/bin/sh\necho hi\n", stat.S_IFREG | 0o755)])
        self.assertGreater(run_checks(path, "arm64"), 0)

    def test_glibc_newer_than_limit_fails(self) -> None:
        # A host glibc binary (coreutils' `true` needs GLIBC_2.34 on Debian 12), judged against an older limit.
        if os.uname().machine != "x86_64":
            self.skipTest("needs an x86_64 host binary")
        with open("/bin/true", "rb") as f:
            data = f.read()
        path = self.write_zip([("bootstrap", data, stat.S_IFREG | 0o755)])
        r = check_package.Report()
        with redirect_stdout(io.StringIO()) as out:
            check_package.check_elf(data, "x86_64", (2, 33), r)
        self.assertIn("newer than", out.getvalue())
        self.assertIn("panic_unwind", out.getvalue())
        self.assertEqual(r.failed, 2)
        self.assertGreater(run_checks(path, "x86_64"), 0)

    def test_panic_abort_build_fails(self) -> None:
        marker = check_package.UNWIND_MARKER
        data = self.binary.replace(marker, b"x" * len(marker))
        path = self.write_zip([("bootstrap", data, stat.S_IFREG | 0o755)])
        self.assertEqual(run_checks(path, "arm64"), 1)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    ZIPS["arm64"], ZIPS["x86_64"] = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=1)
