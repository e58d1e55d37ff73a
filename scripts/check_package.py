#!/usr/bin/env python3
"""Check a Lambda `provided.al2023` deployment zip against the traps that make a function fail to start.

Usage: check_package.py --arch {arm64,x86_64} [--max-zip-bytes N] [--max-glibc X.Y] [--extract-to DIR] ZIP

Checks, each reported on its own line:
  * the zip holds exactly one entry, a regular file named `bootstrap` at the root, Unix mode 0755;
  * the zip is smaller than --max-zip-bytes (default 1,000,000);
  * `bootstrap` is a 64-bit little-endian ELF executable for the Lambda architecture;
  * it is static (musl), or dynamic against glibc only, needing no GLIBC_ symbol version newer than
    --max-glibc (default 2.34, the glibc of Amazon Linux 2023);
  * it was built with `panic = "unwind"`, so that a panicking handler can be reported to the Runtime API.

Exits 0 when every check passes, 1 otherwise. Standard library only: no binutils needed.
"""

import argparse
import os
import stat
import struct
import sys
import zipfile

EM = {"arm64": 183, "x86_64": 62}  # EM_AARCH64, EM_X86_64
INTERP = {"arm64": "/lib/ld-linux-aarch64.so.1", "x86_64": "/lib64/ld-linux-x86-64.so.2"}
# Libraries that the provided.al2023 image has; anything else would be missing at run time.
ALLOWED_NEEDED = {
    "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libgcc_s.so.1",
    "ld-linux-aarch64.so.1", "ld-linux-x86-64.so.2",
}
PT_DYNAMIC, PT_INTERP = 2, 3
SHT_DYNAMIC, SHT_GNU_VERNEED = 6, 0x6FFFFFFE
DT_NEEDED = 1
# Present only when the panic_unwind runtime is linked (std's handler for foreign exceptions that reach a
# Rust catch_unwind); with panic = "abort", panic_abort is linked instead and LTO drops it.
UNWIND_MARKER = b"Rust cannot catch foreign exceptions"


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def ok(self, what: str) -> None:
        print(f"  ok    {what}")

    def fail(self, what: str) -> None:
        print(f"  FAIL  {what}")
        self.failed += 1


def check_zip(path: str, max_bytes: int, r: Report) -> bytes | None:
    size = os.path.getsize(path)
    if size < max_bytes:
        r.ok(f"zip size {size} bytes < {max_bytes}")
    else:
        r.fail(f"zip size {size} bytes, limit {max_bytes}")
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        r.fail(f"not a readable zip: {e}")
        return None
    with z:
        names = [i.filename for i in z.infolist()]
        if names != ["bootstrap"]:
            r.fail(f"zip must hold exactly one entry `bootstrap` at the root, holds {names}")
            return None
        r.ok("single entry `bootstrap` at the zip root")
        info = z.getinfo("bootstrap")
        mode = info.external_attr >> 16
        if info.create_system != 3:
            r.fail(f"entry made on system {info.create_system}, not Unix (3): Lambda ignores its mode bits")
        elif not stat.S_ISREG(mode) or stat.S_IMODE(mode) != 0o755:
            r.fail(f"entry mode {oct(mode)}, expected a regular file with mode 0755")
        else:
            r.ok("regular file, mode 0755")
        bad = z.testzip()
        if bad is not None:
            r.fail(f"CRC error in {bad}")
            return None
        return z.read("bootstrap")


class Elf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        (self.type, self.machine, _v, self.entry, self.phoff, self.shoff, _f, _eh, self.phentsize,
         self.phnum, self.shentsize, self.shnum, _shstrndx) = struct.unpack_from("<HHIQQQIHHHHHH", data, 16)

    def segments(self):
        for i in range(self.phnum):
            p_type, _flags, off, _va, _pa, filesz = struct.unpack_from(
                "<IIQQQQ", self.data, self.phoff + i * self.phentsize)
            yield p_type, off, filesz

    def sections(self):
        for i in range(self.shnum):
            (_name, sh_type, _flags, _addr, off, size, link, _info, _align, entsize) = struct.unpack_from(
                "<IIQQQQIIQQ", self.data, self.shoff + i * self.shentsize)
            yield sh_type, off, size, link, entsize

    def section(self, index: int):
        return list(self.sections())[index]

    def cstr(self, strtab_index: int, offset: int) -> str:
        _t, off, _s, _l, _e = self.section(strtab_index)
        start = off + offset
        return self.data[start:self.data.index(b"\0", start)].decode("utf-8", "replace")

    def interpreter(self) -> str | None:
        for p_type, off, filesz in self.segments():
            if p_type == PT_INTERP:
                return self.data[off:off + filesz].rstrip(b"\0").decode("utf-8", "replace")
        return None

    def needed(self) -> list[str]:
        libs = []
        for sh_type, off, size, link, _e in self.sections():
            if sh_type != SHT_DYNAMIC:
                continue
            for pos in range(off, off + size, 16):
                tag, val = struct.unpack_from("<qQ", self.data, pos)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    libs.append(self.cstr(link, val))
        return libs

    def glibc_versions(self) -> list[tuple[int, ...]]:
        versions = []
        for sh_type, off, _size, link, _e in self.sections():
            if sh_type != SHT_GNU_VERNEED:
                continue
            pos = off
            while True:
                _ver, cnt, _file, aux, nxt = struct.unpack_from("<HHIII", self.data, pos)
                apos = pos + aux
                for _ in range(cnt):
                    _hash, _flags, _other, name, anext = struct.unpack_from("<IHHII", self.data, apos)
                    ver = self.cstr(link, name)
                    if ver.startswith("GLIBC_") and ver[6:].replace(".", "").isdigit():
                        versions.append(tuple(int(x) for x in ver[6:].split(".")))
                    if anext == 0:
                        break
                    apos += anext
                if nxt == 0:
                    break
                pos += nxt
        return versions


def check_elf(data: bytes, arch: str, max_glibc: tuple[int, ...], r: Report) -> None:
    if data[:4] != b"\x7fELF":
        r.fail("`bootstrap` is not an ELF executable (a script or a binary for another OS?)")
        return
    if data[4] != 2 or data[5] != 1:
        r.fail("`bootstrap` is not a 64-bit little-endian ELF")
        return
    try:
        elf = Elf(data)
        if elf.machine != EM[arch]:
            names = {v: k for k, v in EM.items()}
            r.fail(f"ELF machine {names.get(elf.machine, elf.machine)}, Lambda architecture is {arch}")
        else:
            r.ok(f"ELF machine matches {arch}")
        if elf.type not in (2, 3) or elf.entry == 0:
            r.fail(f"ELF type {elf.type} with entry {elf.entry:#x} is not an executable")
        interp = elf.interpreter()
        needed = elf.needed()
        if interp is None and not needed:
            r.ok("statically linked: needs no libc from the Lambda image")
        else:
            if interp != INTERP[arch]:
                r.fail(f"interpreter {interp!r}, expected glibc's {INTERP[arch]}")
            unknown = [lib for lib in needed if lib not in ALLOWED_NEEDED]
            if unknown:
                r.fail(f"needs shared libraries that provided.al2023 lacks: {unknown}")
            newest = max(elf.glibc_versions(), default=())
            shown = ".".join(map(str, newest)) or "none"
            limit = ".".join(map(str, max_glibc))
            if newest > max_glibc:
                r.fail(f"needs GLIBC_{shown}, newer than the {limit} of provided.al2023")
            else:
                r.ok(f"dynamic against glibc, newest symbol version {shown} <= {limit}")
    except (struct.error, ValueError, IndexError) as e:
        r.fail(f"malformed ELF: {e}")
    if UNWIND_MARKER in data:
        r.ok('built with panic = "unwind"')
    else:
        r.fail('no panic_unwind runtime in `bootstrap` (built with panic = "abort"?): '
               "a panicking handler would kill the process unreported")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arch", required=True, choices=sorted(EM))
    ap.add_argument("--max-zip-bytes", type=int, default=1_000_000)
    ap.add_argument("--max-glibc", default="2.34")
    ap.add_argument("--extract-to", help="also write the checked `bootstrap` here (mode 0755)")
    ap.add_argument("zip")
    args = ap.parse_args()
    max_glibc = tuple(int(x) for x in args.max_glibc.split("."))

    print(f"{args.zip} ({args.arch}):")
    r = Report()
    if not os.path.isfile(args.zip):
        r.fail("file not found (run `make package` first)")
        return 1
    data = check_zip(args.zip, args.max_zip_bytes, r)
    if data is not None:
        check_elf(data, args.arch, max_glibc, r)
        if args.extract_to:
            with open(args.extract_to, "wb") as f:
                f.write(data)
            os.chmod(args.extract_to, 0o755)
    print(f"  {'all checks passed' if r.failed == 0 else f'{r.failed} check(s) failed'}")
    return 0 if r.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
