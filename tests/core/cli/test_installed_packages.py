"""Destination packages installed the way users install them, then driven through ``actions``.

Each test writes a package into a temporary folder, ``pip install``s it (editable, no
dependencies) into a throwaway virtualenv and runs that virtualenv's ``actions`` in a subprocess.
Nothing in core knows these packages: they are found through their ``actions`` entry point alone.

The throwaway virtualenv sees this environment's packages (actions itself, its dependencies, pytest)
through a ``.pth`` file rather than ``--system-site-packages``: the latter would expose the base
interpreter's packages, not this virtualenv's. Its ``bin/actions`` is the same two lines pip writes
for the console script, since actions itself is not installed into it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from actions_core.cli import main


@attrs.frozen
class Virtualenv:
    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def install(self, project: Path) -> None:
        subprocess.run(
            [
                str(self.python), "-m", "pip", "install", "--quiet", "--no-deps",
                "--no-build-isolation", "--disable-pip-version-check", "-e", str(project),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def actions(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.root / "bin" / "actions"), *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Virtualenv:
    root = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    made = Virtualenv(root)
    site_packages = subprocess.run(
        [str(made.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    (Path(site_packages) / "_this_environment.pth").write_text(
        f"import site; site.addsitedir({ours!r})\n"
    )
    launcher = root / "bin" / "actions"
    launcher.write_text(
        f"#!{made.python}\nimport sys\nfrom actions_core.cli import main\nsys.exit(main())\n"
    )
    launcher.chmod(0o755)
    return made


def _records(listing: str) -> dict[str, dict[str, object]]:
    return {record["name"]: record for record in map(json.loads, listing.splitlines())}


# actions init


def test_a_package_made_by_init_passes_actions_test_once_installed(
    venv: Virtualenv, tmp_path: Path
) -> None:
    project = tmp_path / "actions-acme"

    made = CliRunner().invoke(main, ["init", "acme", "--directory", str(project)])

    assert made.exit_code == 0, made.output
    assert made.output.splitlines() == [
        f"created {project}/ (destination acme, package actions_acme)",
        "next:",
        f"  pip install -e {project}",
        "  actions test acme",
    ]
    assert sorted(str(path.relative_to(project)) for path in project.rglob("*.*")) == [
        "README.md",
        "actions_acme/__init__.py",
        "actions_acme/destination.py",
        "actions_acme/plugin.py",
        "pyproject.toml",
        "tests/snapshots/acme/sendEvent.json",
        "tests/test_acme.py",
    ]

    venv.install(project)
    tested = venv.actions("test", "acme", cwd=tmp_path)

    assert tested.returncode == 0, tested.stdout + tested.stderr
    lines = tested.stdout.splitlines()
    assert lines[:4] == [
        "step          action     result",
        "lint          -          passed",
        "single        sendEvent  passed (1 request)",
        "plugin tests  -          passed (1 passed in " + lines[3].split(" in ")[1],
    ]
    assert lines[4:] == ["acme: 3 passed, 0 failed"]

    listed = venv.actions("list", "--json", cwd=tmp_path)

    assert listed.returncode == 0, listed.stderr
    assert _records(listed.stdout)["acme"] == {
        "name": "acme",
        "slug": "actions-acme",
        "title": "Acme",
        "actions": ["sendEvent"],
        "package": "actions-acme 0.1.0",
    }


def test_the_generated_code_is_lint_clean_and_formatted(tmp_path: Path) -> None:
    project = tmp_path / "actions-my-crm"
    CliRunner().invoke(main, ["init", "my-crm", "--directory", str(project)])
    config = Path(__file__).resolve().parents[3] / "pyproject.toml"

    for command in (["check"], ["format", "--check"]):
        checked = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", "--config", str(config), "."],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Acme", '"Acme" is not a valid destination name'),
        ("my crm", '"my crm" is not a valid destination name'),
        ("9lives", '"9lives" is not a valid destination name'),
    ],
    ids=["upper-case", "space", "leading-digit"],
)
def test_init_refuses_a_name_that_cannot_be_a_package(
    tmp_path: Path, name: str, message: str
) -> None:
    result = CliRunner().invoke(main, ["init", name, "--directory", str(tmp_path / "x")])

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {message}: use lower-case letters and digits")
    assert not (tmp_path / "x").exists()


def test_init_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")

    result = CliRunner().invoke(main, ["init", "acme", "--directory", str(tmp_path)])

    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path} already exists and is not an empty folder\n"
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


# A third-party plugin (issue 3, item 5)

TINY_PYPROJECT = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "tiny-hook"
version = "2.5.0"

[project.entry-points.actions]
tinyhook = "tiny_hook"

[tool.setuptools]
py-modules = ["tiny_hook"]
"""

TINY_MODULE = '''\
"""A webhook destination that lives outside actions entirely."""

from actions_core import Action, Destination, Field, Preset, hookimpl


async def post(request, data):
    return await request(
        "https://hooks.example.com/in",
        method="POST",
        json={"who": data.payload["who"], "what": data.payload["what"]},
        headers={"X-Token": data.settings["token"]},
    )


tiny = Destination(
    key="tinyhook",
    name="Tiny Hook",
    slug="actions-tiny-hook",
    settings={"token": Field(label="Token", type="password", required=True)},
    presets=[Preset(name="Everything", action="post", subscribe='type = "track"')],
    actions=[
        Action(
            key="post",
            title="Post",
            description="Post the event to the hook.",
            default_subscription='type = "track"',
            fields={
                "who": Field(label="Who", type="string", required=True,
                             default={"@path": "$.userId"}),
                "what": Field(label="What", type="string", default={"@path": "$.event"}),
            },
            perform=post,
        )
    ],
)


@hookimpl
def actions_destinations():
    return [tiny]
'''


@pytest.fixture(scope="module")
def tiny_hook(venv: Virtualenv, tmp_path_factory: pytest.TempPathFactory) -> Virtualenv:
    project = tmp_path_factory.mktemp("tiny-hook")
    (project / "pyproject.toml").write_text(TINY_PYPROJECT)
    (project / "tiny_hook.py").write_text(TINY_MODULE)
    venv.install(project)
    return venv


def test_list_shows_the_third_party_destination_and_its_package(
    tiny_hook: Virtualenv, tmp_path: Path
) -> None:
    listed = tiny_hook.actions("list", "--json", cwd=tmp_path)

    assert listed.returncode == 0, listed.stderr
    assert _records(listed.stdout)["tinyhook"] == {
        "name": "tinyhook",
        "slug": "actions-tiny-hook",
        "title": "Tiny Hook",
        "actions": ["post"],
        "package": "tiny-hook 2.5.0",
    }


def test_describe_shows_its_settings_presets_and_fields(
    tiny_hook: Virtualenv, tmp_path: Path
) -> None:
    described = tiny_hook.actions("describe", "actions-tiny-hook", cwd=tmp_path)

    assert described.returncode == 0, described.stderr
    assert [" ".join(line.split()) for line in described.stdout.splitlines()] == [
        "Tiny Hook (tinyhook, actions-tiny-hook)",
        "",
        "Settings:",
        "token password required Token; secret: shown as *** in output",
        "",
        "Presets:",
        'Everything -> post when type = "track"',
        "",
        "Action post: Post",
        "Post the event to the hook.",
        'default subscription: type = "track"',
        'who string required Who; default {"@path":"$.userId"}',
        'what string optional What; default {"@path":"$.event"}',
    ]


def test_send_dry_run_shows_the_request_with_the_token_hidden(
    tiny_hook: Virtualenv, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_text('{"token": "t0k3n-secret"}')
    (tmp_path / "events.jsonl").write_text(
        '{"type": "track", "userId": "u-1", "event": "Signed Up"}\n'
        '{"type": "identify", "userId": "u-1"}\n'
    )

    sent = tiny_hook.actions(
        "send", "tinyhook", "--settings", "settings.json", "--events", "events.jsonl",
        "--dry-run", cwd=tmp_path,
    )  # fmt: skip

    assert sent.returncode == 0, sent.stderr
    tracked, identified = (json.loads(line) for line in sent.stdout.splitlines())
    assert tracked["requests"][0].pop("headers") == {
        "host": "hooks.example.com",
        "user-agent": "actions/0.1.0",
        "x-token": "***",
        "content-type": "application/json",
        "content-length": "32",
    }
    assert tracked == {
        "requests": [
            {
                "method": "POST",
                "url": "https://hooks.example.com/in",
                "json": {"who": "u-1", "what": "Signed Up"},
            }
        ]
    }
    assert identified == {"requests": []}
    assert "t0k3n-secret" not in sent.stdout + sent.stderr
