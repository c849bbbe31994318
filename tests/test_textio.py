"""textio: every unusable file is a Problem; every write is all or nothing, and refused if
the file changed since it was read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shuttle import textio
from shuttle.problems import ProblemError


def codes(exc: pytest.ExceptionInfo[ProblemError]) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in exc.value.problems]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- reading --------------------------------------------------------------------------------


def test_read_text_returns_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Blinken’s trip\n".encode())
    assert textio.read_text(path, "a.txt", max_bytes=100) == "Blinken’s trip\n"


def test_a_missing_file_or_a_folder_is_e005(tmp_path: Path) -> None:
    with pytest.raises(ProblemError) as missing:
        textio.read_bytes(tmp_path / "nope.txt", "nope.txt", max_bytes=10)
    with pytest.raises(ProblemError) as folder:
        textio.read_bytes(tmp_path, "here", max_bytes=10)
    assert codes(missing) == [("E005", None)]
    assert missing.value.problems[0].file == "nope.txt"
    assert codes(folder) == [("E005", None)]


def test_a_file_over_the_limit_is_e008_and_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(1_000_001)  # sparse: nothing is written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    with pytest.raises(ProblemError) as exc:
        textio.read_bytes(path, "big.txt", max_bytes=1_000_000)
    assert codes(exc) == [("E008", None)]
    assert "1,000,001" in exc.value.problems[0].message


def test_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"x" * 100)
    assert textio.read_bytes(path, "edge.txt", max_bytes=100) == b"x" * 100


@pytest.mark.parametrize("raw", [b"", b"  \n\t\n", b"\r\n"])
def test_an_empty_file_is_e007_unless_allowed(raw: bytes) -> None:
    with pytest.raises(ProblemError) as exc:
        textio.decode(raw, "f")
    assert codes(exc) == [("E007", None)]
    assert textio.decode(raw, "f", allow_empty=True) == raw.decode()


def test_nul_bytes_are_e009() -> None:
    with pytest.raises(ProblemError) as exc:
        textio.decode(b"text\x00more", "f")
    assert codes(exc) == [("E009", None)]


def test_invalid_utf8_is_e006_on_the_line_of_the_bad_byte() -> None:
    raw = b"one\ntwo\nthr" + b"\xe9e\n"  # latin-1 é on line 3
    with pytest.raises(ProblemError) as exc:
        textio.decode(raw, "f")
    assert codes(exc) == [("E006", 3)]
    assert "offset 11" in exc.value.problems[0].message


def test_a_utf8_byte_order_mark_or_crlf_is_kept_as_is() -> None:
    assert textio.decode(b"\xef\xbb\xbfa\r\nb", "f") == "\ufeffa\r\nb"


# --- writing --------------------------------------------------------------------------------


def test_write_atomic_creates_folders_and_files_readable_by_all(tmp_path: Path) -> None:
    target = tmp_path / "data" / "articles" / "x.yml"
    textio.write_atomic(target, "a: “1”\n", "x.yml", expected=None)
    assert target.read_bytes() == "a: “1”\n".encode()
    assert target.stat().st_mode & 0o777 == 0o644
    assert leftovers(target.parent) == []


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.yml"
    target.write_text("old\n")
    target.chmod(0o600)
    textio.write_atomic(target, "new\n", "x.yml", expected=textio.current_digest(target))
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "meanwhile",
    ["edited", "created", "deleted"],
)
def test_a_file_changed_since_it_was_read_is_e401_and_left_as_it_is(
    tmp_path: Path, meanwhile: str
) -> None:
    target = tmp_path / "x.yml"
    if meanwhile != "created":
        target.write_text("as read\n")
    expected = textio.current_digest(target)
    if meanwhile == "edited":
        target.write_text("as the editor saved it\n")
    elif meanwhile == "created":
        target.write_text("as the editor saved it\n")
    else:
        target.unlink()
    with pytest.raises(ProblemError) as exc:
        textio.write_atomic(target, "machine\n", "x.yml", expected=expected)
    assert codes(exc) == [("E401", None)]
    assert exc.value.problems[0].file == "x.yml"
    if meanwhile == "deleted":
        assert not target.exists()
    else:
        assert target.read_text() == "as the editor saved it\n"
    assert leftovers(tmp_path) == []


def test_the_data_is_fsynced_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.yml"
    target.write_text("old\n")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if os.path.isdir(os.readlink(f"/proc/self/fd/{fd}")) else "file"
        events.append(("fsync", kind))
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        assert Path(src).read_text() == "new\n"  # the whole text is there before the rename
        events.append(("replace", Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    textio.write_atomic(target, "new\n", "x.yml", expected=textio.current_digest(target))
    assert events == [("fsync", "file"), ("replace", "x.yml"), ("fsync", "folder")]


@pytest.mark.parametrize("fails", ["os.replace", "os.fsync", "write"])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    target = tmp_path / "x.yml"
    target.write_text("the editor's work\n")
    expected = textio.current_digest(target)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if fails == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, mode: str) -> object:
            handle = real_fdopen(fd, mode)
            monkeypatch.setattr(handle, "write", boom)
            return handle

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, fails.split(".")[1], boom)
    with pytest.raises(ProblemError) as exc:
        textio.write_atomic(target, "machine's\n", "x.yml", expected=expected)
    assert codes(exc) == [("E402", None)]
    assert "No space left" in exc.value.problems[0].message
    assert target.read_text() == "the editor's work\n"
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.yml"
    target.write_text("old\n")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        textio.write_atomic(target, "new\n", "x.yml", expected=textio.current_digest(target))
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_e402(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where a folder should be\n")
    with pytest.raises(ProblemError) as exc:
        textio.write_atomic(tmp_path / "data" / "x.yml", "a\n", "data/x.yml", expected=None)
    assert codes(exc) == [("E402", None)]
    assert (tmp_path / "data").read_text() == "a file where a folder should be\n"


def test_a_folder_where_the_file_should_be_is_e402(tmp_path: Path) -> None:
    (tmp_path / "x.yml").mkdir()
    with pytest.raises(ProblemError) as exc:
        textio.write_atomic(tmp_path / "x.yml", "a\n", "x.yml", expected=None)
    assert codes(exc) == [("E402", None)]
    assert (tmp_path / "x.yml").is_dir() and leftovers(tmp_path) == []


def test_sha256_hex_is_the_sha256_of_the_bytes() -> None:
    assert textio.sha256_hex(b"") == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_an_editors_save_while_the_new_text_is_written_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is compared again once the new text is on disk, right before the rename:
    a save in between (while the temporary file is written and synced) is not lost."""
    target = tmp_path / "x.yml"
    target.write_text("the editor's work\n")
    expected = textio.current_digest(target)
    real_fsync = os.fsync

    def editor_saves(fd: int) -> None:
        real_fsync(fd)
        target.write_text("the editor's newer work\n")

    monkeypatch.setattr(os, "fsync", editor_saves)
    with pytest.raises(ProblemError) as exc:
        textio.write_atomic(target, "machine's\n", "x.yml", expected=expected)
    assert codes(exc) == [("E401", None)]
    assert target.read_text() == "the editor's newer work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yml"]


@pytest.mark.parametrize("kind", ["fifo", "device", "outside"])
def test_only_regular_files_inside_the_root_are_read(tmp_path: Path, kind: str) -> None:
    root = tmp_path / "project"
    root.mkdir()
    path = root / "x.yml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        (tmp_path / "elsewhere.yml").write_text("a: 1\n")
        path.symlink_to(tmp_path / "elsewhere.yml")
    with pytest.raises(ProblemError) as exc:
        textio.read_bytes(path, "x.yml", max_bytes=1000, root=root)
    assert codes(exc) == [("E010", None)]
    if kind != "outside":  # without a root: still never read, never waited on
        with pytest.raises(ProblemError) as exc:
            textio.read_bytes(path, "x.yml", max_bytes=1000)
        assert codes(exc) == [("E010", None)]


def test_a_file_whose_size_lies_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    # /proc files say they are empty: the limit holds by reading, not by st_size
    with pytest.raises(ProblemError) as exc:
        textio.read_bytes(Path("/proc/self/environ"), "environ", max_bytes=1)
    assert codes(exc) == [("E008", None)]
