"""A build for publishing (`shuttle build --publish`, or any build under CI) refuses to
run without the site's real address; a local build says its addresses are for preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_copy, copy_project
from shuttle.building import address_problem, publishing


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/", "http://localhost:8000/", "", "http://[::1]:8000/"]
)
def test_a_local_address_is_refused_for_publishing_and_flagged_otherwise(url: str) -> None:
    refused = address_problem(url, publish=True)
    assert refused is not None and refused.code == "E503" and refused.severity == "error"
    flagged = address_problem(url, publish=False)
    assert flagged is not None and flagged.code == "W503" and flagged.severity == "warning"


def test_a_real_address_passes() -> None:
    assert address_problem("https://example.org/shuttle/", publish=True) is None
    assert address_problem("https://example.org/shuttle/", publish=False) is None


def test_ci_means_publishing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert publishing(False)
    monkeypatch.setenv("CI", "false")
    assert not publishing(False) and publishing(True)


def test_the_cli_refuses_to_publish_a_preview_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "project")
    (root / "pyproject.toml").unlink()  # no site_url set
    monkeypatch.delenv("CI", raising=False)
    refused = build_copy(root, "--publish", "--no-linkcheck")
    assert refused.status == 1 and "pyproject.toml: E503 " in refused.stderr
    assert "--site-url" in refused.stderr and "[tool.shuttle]" in refused.stderr
    assert not (root / "build" / "site").exists()
    preview = build_copy(root, "--no-linkcheck")
    assert preview.status == 0 and "W503" in preview.stderr and "for preview" in preview.stderr


def test_a_preview_is_never_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")  # its site_url is a real address
    refused = build_copy(root, "--publish", "--preview", "--no-linkcheck")
    assert refused.status == 1 and "E504" in refused.stderr
    assert not (root / "build" / "site").exists()
