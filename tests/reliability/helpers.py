"""Shared by the reliability tests: capped subprocesses and hostile files made on the spot."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT = "某市实施方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。\n"


def run_capped(code: str, *, seconds: int = 60, mem_mb: int = 1500) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter under an address-space and a wall-clock cap."""
    prelude = f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({mem_mb} << 20, {mem_mb} << 20))\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=seconds)


def kg(*args, cwd: Path | None = None, seconds: int = 300) -> subprocess.CompletedProcess:
    """The ``kg`` command as a user runs it: a separate process, its exit code and both streams."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, timeout=seconds, cwd=cwd
    )


def write_docx(path: Path, document_xml: str, **members: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for name, data in members.items():
            z.writestr(name, data)
    return path


def docx_body(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0"?>{prolog}<w:document {W}><w:body>{body}</w:body></w:document>'


def billion_laughs() -> str:
    ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return docx_body("<w:p><w:r><w:t>&l9;城管</w:t></w:r></w:p>", f"<!DOCTYPE d [{ents}]>")
